import numpy as np
import torch
from sklearn.datasets import load_wine


def cargar_vino():
    X_np, y_np = load_wine(return_X_y=True)
    # TODO: convierte a tensores con el dtype adecuado
    ...


def historial_de_pesos(X, y, pasos, lr):
    n, d = X.shape
    w = torch.zeros(d)
    historial = []
    for _ in range(pasos):
        grad = 2 * X.T @ (X @ w - y) / n
        w -= lr * grad                      # actualización in-place: no la cambies
        # TODO: guarda en historial los pesos de este paso como array de NumPy
    return historial


torch.manual_seed(0)
X = torch.randn(50, 3)
y = X @ torch.tensor([2.0, -1.0, 0.5])
for paso, pesos in enumerate(historial_de_pesos(X, y, pasos=5, lr=0.1)):
    print(paso, pesos)
