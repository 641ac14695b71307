import torch
from torch import nn


def entrenar(X, y, epocas):
    modelo = nn.Linear(3, 1)
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.1)
    criterio = nn.MSELoss()
    perdidas = []
    # Completa el ciclo de entrenamiento
    return modelo, perdidas


torch.manual_seed(0)
X = torch.randn(64, 3)
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.3
modelo, perdidas = entrenar(X, y, 50)
print(perdidas[:3], perdidas[-1:])
