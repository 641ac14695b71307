import torch
from torch import nn


def crear(semilla):
    torch.manual_seed(semilla)
    modelo = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 1))
    optimizador = torch.optim.Adam(modelo.parameters(), lr=1e-2)
    return modelo, optimizador


def entrenar(modelo, optimizador, X, y, epocas):
    perdidas = []
    for _ in range(epocas):
        optimizador.zero_grad()
        perdida = nn.functional.mse_loss(modelo(X), y)
        perdida.backward()
        optimizador.step()
        perdidas.append(perdida.item())
    return perdidas


def primera_parte(X, y, epocas, ruta):
    modelo, optimizador = crear(0)
    perdidas = entrenar(modelo, optimizador, X, y, epocas)
    torch.save({"epoca": epocas,
                "modelo": modelo.state_dict(),
                "optimizador": optimizador.state_dict()}, ruta)
    return perdidas


def segunda_parte(X, y, epocas_totales, ruta):
    modelo, optimizador = crear(123)
    checkpoint = torch.load(ruta, map_location="cpu", weights_only=False)
    modelo.load_state_dict(checkpoint["modelo"])
    optimizador.load_state_dict(checkpoint["optimizador"])
    return entrenar(modelo, optimizador, X, y, epocas_totales - checkpoint["epoca"])


def entrenar_seguido(X, y, epocas):
    modelo, optimizador = crear(0)
    return entrenar(modelo, optimizador, X, y, epocas)
