import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))


def ajustar_cabeza(estado, X, y, epocas):
    modelo = crear_modelo()
    modelo.load_state_dict(estado)
    modelo[0].weight.requires_grad = False
    entrenables = [p for p in modelo.parameters() if p.requires_grad]
    optimizador = torch.optim.Adam(entrenables, lr=0.05)
    criterio = nn.MSELoss()
    perdidas = []
    for _ in range(epocas):
        optimizador.zero_grad()
        perdida = criterio(modelo(X), y)
        perdida.backward()
        optimizador.step()
        perdidas.append(perdida.item())
    return modelo, perdidas
