import torch
from torch import nn


def entrenar_acumulando(X, y, pasos_acumulados, epocas, semilla):
    torch.manual_seed(semilla)
    modelo = nn.Linear(X.shape[1], 1)
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.05)
    criterio = nn.MSELoss()
    for _ in range(epocas):
        for i, (xb, yb) in enumerate(zip(X.split(8), y.split(8))):
            # TODO: acumula y actualiza cada pasos_acumulados micro-lotes
            ...
    return modelo


X = torch.randn(64, 4)
y = X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
modelo = entrenar_acumulando(X, y, pasos_acumulados=4, epocas=30, semilla=0)
print(modelo.weight)
