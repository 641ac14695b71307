import torch
from sklearn.datasets import load_wine


def cargar_vino():
    X_np, y_np = load_wine(return_X_y=True)
    return torch.as_tensor(X_np, dtype=torch.float32), torch.as_tensor(y_np, dtype=torch.int64)


def historial_de_pesos(X, y, pasos, lr):
    n, d = X.shape
    w = torch.zeros(d)
    historial = []
    for _ in range(pasos):
        grad = 2 * X.T @ (X @ w - y) / n
        w -= lr * grad
        historial.append(w.numpy())         # vista: comparte memoria con w
    return historial
