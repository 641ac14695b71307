import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1))


def entrenar(X, y, lr, epocas):
    modelo = crear_modelo()
    perdidas = []
    # TODO: optimizador Adam con el lr recibido, nn.MSELoss() y el ciclo de entrenamiento
    return modelo, perdidas


LR = ...   # TODO: elige la tasa de aprendizaje


torch.manual_seed(0)
X = torch.rand(200, 1) * 4 - 2
y = torch.sin(2 * X) + 0.1 * torch.randn(200, 1)
for lr in [1e-4, 1e-3, 1e-2]:
    _, perdidas = entrenar(X, y, lr, 200)
    print(f"lr={lr:g}: pérdida final {perdidas[-1] if perdidas else None}")
