import torch


def gradiente(x, w):
    w = w.clone().requires_grad_(True)
    perdida = ((x @ w) ** 2).mean()
    perdida.backward(retain_graph=True)
    perdida.backward()
    return w.grad.detach()
