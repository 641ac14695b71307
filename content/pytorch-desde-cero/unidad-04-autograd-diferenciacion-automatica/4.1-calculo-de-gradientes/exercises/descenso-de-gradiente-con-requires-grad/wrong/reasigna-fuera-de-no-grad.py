import torch


def entrenar(X, y, pasos, lr):
    w = torch.zeros(X.shape[1], requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    perdidas = []
    for _ in range(pasos):
        perdida = ((X @ w + b - y) ** 2).mean()
        perdida.backward()
        # w deja de ser hoja: en el paso siguiente w.grad es None
        w = w - lr * w.grad
        b = b - lr * b.grad
        perdidas.append(perdida.item())
    return w.detach(), b.detach(), perdidas
