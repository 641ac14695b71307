import torch


def gradientes_a_mano(x, w, b, t):
    z = w @ x + b
    a = torch.sigmoid(z)
    dL_dz = 2 * (a - t) * a * (1 - a)
    return dL_dz * x, dL_dz


def gradientes_autograd(x, w, b, t):
    w = w.clone().requires_grad_(True)
    a = torch.sigmoid(w @ x + b)
    L = (a - t) ** 2
    L.backward()
    # b nunca pidió gradiente: b.grad es None
    return w.grad.detach(), b.grad
