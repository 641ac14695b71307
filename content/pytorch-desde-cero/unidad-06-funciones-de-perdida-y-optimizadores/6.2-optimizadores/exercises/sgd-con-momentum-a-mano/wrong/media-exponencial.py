import torch


def paso_momentum(w, grad, velocidad, lr, momentum):
    if velocidad is None:
        velocidad = torch.zeros_like(grad)
    velocidad = momentum * velocidad + (1 - momentum) * grad
    return w - lr * velocidad, velocidad


def descenso_con_momentum(w0, X, y, lr, momentum, pasos):
    w = w0.clone().requires_grad_(True)
    velocidad = None
    for _ in range(pasos):
        w.grad = None
        perdida = ((X @ w - y) ** 2).mean()
        perdida.backward()
        with torch.no_grad():
            w_nuevo, velocidad = paso_momentum(w, w.grad, velocidad, lr, momentum)
            w.copy_(w_nuevo)
    return w.detach()
