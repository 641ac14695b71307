import torch


def mezcla_con_repaso(X_nuevo, y_nuevo, X_viejo, y_viejo, fraccion, semilla):
    g = torch.Generator().manual_seed(semilla)
    k = round(fraccion * len(y_nuevo))
    idx = torch.randperm(len(y_viejo), generator=g)[:k]
    X = torch.cat([X_nuevo, X_viejo[idx]])
    y = torch.cat([y_nuevo, y_viejo[idx]])
    return X[torch.randperm(len(y), generator=g)], y[torch.randperm(len(y), generator=g)]
