import torch


def recortar_atipicos(X, k):
    media, sigma = X.mean(dim=0), X.std(dim=0)
    return X.clamp(min=media - k * sigma, max=media + k * sigma)


def vecino_mas_cercano(A, B):
    distancias = ((A[:, None, :] - B[None, :, :]) ** 2).sum(dim=2)
    return distancias.argmin(dim=0)
