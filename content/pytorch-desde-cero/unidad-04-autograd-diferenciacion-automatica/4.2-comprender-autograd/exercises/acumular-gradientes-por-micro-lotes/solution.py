import torch


def gradiente_completo(X, y, w):
    w = w.clone().requires_grad_(True)
    perdida = ((X @ w - y) ** 2).mean()
    perdida.backward()
    return w.grad.detach()


def gradiente_acumulado(X, y, w, k):
    w = w.clone().requires_grad_(True)
    for Xm, ym in zip(X.chunk(k), y.chunk(k)):
        perdida = ((Xm @ w - ym) ** 2).mean() / k
        perdida.backward()
    return w.grad.detach()
