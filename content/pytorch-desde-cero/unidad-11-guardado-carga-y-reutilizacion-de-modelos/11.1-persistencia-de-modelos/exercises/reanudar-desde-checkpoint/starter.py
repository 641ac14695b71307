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
    # TODO: guarda en `ruta` un checkpoint con la época, el modelo y el optimizador
    return perdidas


def segunda_parte(X, y, epocas_totales, ruta):
    modelo, optimizador = crear(123)   # objetos nuevos, como en un programa que arranca de cero
    # TODO: carga el checkpoint, restaura el estado y entrena las épocas que faltan
    ...


torch.manual_seed(1)
X = torch.randn(64, 5)
y = X @ torch.randn(5, 1)
antes = primera_parte(X, y, 4, "checkpoint.pt")
despues = segunda_parte(X, y, 8, "checkpoint.pt")
print(antes, despues)
