import math

import torch


def capa_densa(X, W, b):
    return X @ W.T + b


def puntuaciones(Q, K):
    # .T en un tensor 3D invierte todos los ejes
    return Q @ K.T / math.sqrt(Q.shape[-1])


def producto_fila_a_fila(A, C):
    return (A * C).sum(dim=-1)
