import torch


def entrenar(X, y, pasos, lr):
    w = torch.zeros(X.shape[1], requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    perdidas = []
    for _ in range(pasos):
        perdida = ((X @ w + b - y) ** 2).mean()
        perdida.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
        perdidas.append(perdida)          # cada tensor mantiene vivo su grafo
    return w.detach(), b.detach(), perdidas
