import torch
from sklearn.datasets import load_wine


def cargar_vino():
    X_np, y_np = load_wine(return_X_y=True)
    return torch.from_numpy(X_np), torch.from_numpy(y_np)


def historial_de_pesos(X, y, pasos, lr):
    n, d = X.shape
    w = torch.zeros(d)
    historial = []
    for _ in range(pasos):
        grad = 2 * X.T @ (X @ w - y) / n
        w -= lr * grad
        historial.append(w.numpy().copy())
    return historial
