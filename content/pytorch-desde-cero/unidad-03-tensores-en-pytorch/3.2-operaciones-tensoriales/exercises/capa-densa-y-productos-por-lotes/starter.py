import math

import torch


def capa_densa(X, W, b):
    # X: (N, F_in) o (B, N, F_in); W: (F_out, F_in); b: (F_out,)
    ...


def puntuaciones(Q, K):
    # Q: (B, T_q, D); K: (B, T_k, D) -> (B, T_q, T_k)
    ...


def producto_fila_a_fila(A, C):
    # TODO: un producto escalar por fila -> (N,)
    ...


torch.manual_seed(0)
print(capa_densa(torch.randn(5, 3), torch.randn(2, 3), torch.randn(2)))      # forma (5, 2)
print(puntuaciones(torch.randn(1, 2, 4), torch.randn(1, 3, 4)))              # forma (1, 2, 3)
print(producto_fila_a_fila(torch.randn(4, 8), torch.randn(4, 8)))            # forma (4,)
