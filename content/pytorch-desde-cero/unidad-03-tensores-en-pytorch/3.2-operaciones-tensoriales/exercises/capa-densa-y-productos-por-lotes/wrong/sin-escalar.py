import math

import torch


def capa_densa(X, W, b):
    return X @ W.T + b


def puntuaciones(Q, K):
    return torch.bmm(Q, K.transpose(1, 2))


def producto_fila_a_fila(A, C):
    return (A * C).sum(dim=-1)
