import torch


def punto_fijo(x, W, tol, max_pasos):
    z = torch.zeros_like(x)
    pasos = 0
    ...
    return z, pasos, None


def gradiente_oculta(x, W1, W2):
    ...


torch.manual_seed(0)
x, W = torch.randn(4), torch.randn(4, 4) * 0.3
print(punto_fijo(x, W, 1e-3, 100))
