import torch


def paso_momentum(w, grad, velocidad, lr, momentum):
    if velocidad is None:
        velocidad = grad.clone()
    else:
        velocidad = momentum * velocidad + grad
    return w - lr * velocidad, velocidad


def descenso_con_momentum(w0, X, y, lr, momentum, pasos):
    w = w0.clone()
    velocidad = None
    for _ in range(pasos):
        grad = 2 * X.T @ (X @ w - y) / X.shape[0]
        w, velocidad = paso_momentum(w, grad, velocidad, lr, momentum)
    return w
