import torch


def paso_momentum(w, grad, velocidad, lr, momentum):
    if velocidad is None:
        velocidad = grad.clone()
    else:
        velocidad = momentum * velocidad + grad
    return w - lr * velocidad, velocidad


def descenso_con_momentum(w0, X, y, lr, momentum, pasos):
    w = w0.clone().requires_grad_(True)
    optimizador = torch.optim.SGD([w], lr=lr, momentum=momentum)
    for _ in range(pasos):
        optimizador.zero_grad()
        ((X @ w - y) ** 2).mean().backward()
        optimizador.step()
    return w.detach()
