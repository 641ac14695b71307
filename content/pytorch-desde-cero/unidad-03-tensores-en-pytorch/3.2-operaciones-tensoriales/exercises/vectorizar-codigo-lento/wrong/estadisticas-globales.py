import torch


def recortar_atipicos(X, k):
    # Una sola media y una sola σ para toda la matriz, no una por columna
    media, sigma = X.mean(), X.std()
    return X.clamp(min=float(media - k * sigma), max=float(media + k * sigma))


def vecino_mas_cercano(A, B):
    return torch.cdist(A, B).argmin(dim=1)
