import torch


def mezcla_con_repaso(X_nuevo, y_nuevo, X_viejo, y_viejo, fraccion, semilla):
    k = round(fraccion * len(y_nuevo))
    return torch.cat([X_nuevo, X_viejo[:k]]), torch.cat([y_nuevo, y_viejo[:k]])
