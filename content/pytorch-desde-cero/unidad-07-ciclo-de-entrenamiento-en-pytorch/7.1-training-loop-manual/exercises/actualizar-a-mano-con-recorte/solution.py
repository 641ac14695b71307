import torch


def entrenar_a_mano(X, y, lr, epocas, max_norma):
    w = torch.zeros(X.shape[1], 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    perdidas = []
    for _ in range(epocas):
        perdida = ((X @ w + b - y) ** 2).mean()
        perdida.backward()
        torch.nn.utils.clip_grad_norm_([w, b], max_norma)
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
        perdidas.append(perdida.item())
    return w, b, perdidas
