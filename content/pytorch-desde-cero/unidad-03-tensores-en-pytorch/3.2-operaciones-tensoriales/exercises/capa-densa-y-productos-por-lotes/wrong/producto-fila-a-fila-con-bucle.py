import math

import torch


def capa_densa(X, W, b):
    return X @ W.T + b


def puntuaciones(Q, K):
    return Q @ K.mT / math.sqrt(Q.shape[-1])


def producto_fila_a_fila(A, C):
    return torch.stack([a @ c for a, c in zip(A, C)])
