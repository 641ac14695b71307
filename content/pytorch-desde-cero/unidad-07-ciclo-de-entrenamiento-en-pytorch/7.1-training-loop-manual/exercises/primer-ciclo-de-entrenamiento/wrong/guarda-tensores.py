import torch
from torch import nn


def entrenar(X, y, epocas):
    modelo = nn.Linear(3, 1)
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.1)
    criterio = nn.MSELoss()
    perdidas = []
    for _ in range(epocas):
        optimizador.zero_grad()
        perdida = criterio(modelo(X), y)
        perdida.backward()
        optimizador.step()
        perdidas.append(perdida)
    return modelo, perdidas
