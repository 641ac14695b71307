import torch


def entrenar(X, y, pasos, lr):
    w = torch.zeros(X.shape[1])
    b = torch.zeros(())
    perdidas = []
    for _ in range(pasos):
        ...
    return w, b, perdidas


X = torch.randn(100, 2)
y = X @ torch.tensor([2.0, -3.0]) + 1.0
w, b, perdidas = entrenar(X, y, 50, 0.1)
print(w, b, perdidas[-1:])
