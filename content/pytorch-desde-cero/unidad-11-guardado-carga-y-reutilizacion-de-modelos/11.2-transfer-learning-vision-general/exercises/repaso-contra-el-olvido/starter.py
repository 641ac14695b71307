import torch


def mezcla_con_repaso(X_nuevo, y_nuevo, X_viejo, y_viejo, fraccion, semilla):
    g = torch.Generator().manual_seed(semilla)
    ...
