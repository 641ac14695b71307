import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1))


def entrenar(X, y, lr, epocas):
    modelo = crear_modelo()
    optimizador = torch.optim.Adam(modelo.parameters(), lr=lr)
    criterio = nn.MSELoss()
    perdidas = []
    for _ in range(epocas):
        perdida = criterio(modelo(X), y)
        perdida.backward()
        optimizador.step()
        perdidas.append(perdida.item())
    return modelo, perdidas


LR = 0.03
