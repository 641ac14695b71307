import copy

import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(nn.Linear(1, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 1))


def parada_temprana(perdidas_val, paciencia, min_delta=0.0):
    # Devuelve (mejor_epoca, epoca_parada), con épocas numeradas desde 1
    ...


def entrenar_con_parada(X_tr, y_tr, X_va, y_va, paciencia, max_epocas):
    modelo = crear_modelo()
    optimizador = torch.optim.Adam(modelo.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    historial = []
    # TODO: entrena, valida, guarda el mejor estado, detente y restaura
    ...
    return modelo, None, historial


print(parada_temprana([1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.9], paciencia=3))   # (3, 6)

torch.manual_seed(0)
X = torch.rand(120, 1) * 4 - 2
y = torch.sin(2 * X) + 0.5 * torch.randn(120, 1)
modelo, mejor_epoca, historial = entrenar_con_parada(X[:25], y[:25], X[25:], y[25:], paciencia=15, max_epocas=400)
print("mejor época:", mejor_epoca, "| épocas entrenadas:", len(historial))
