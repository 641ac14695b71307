import torch
from torch import nn


def crear_modelo(entrada):
    return nn.Sequential(nn.Linear(entrada, 32), nn.ReLU(), nn.Linear(32, 1))


def crear_optimizador(modelo, lr, weight_decay):
    return torch.optim.AdamW(modelo.parameters(), lr=lr, weight_decay=weight_decay)


def entrenar(X, y, weight_decay, pasos, semilla):
    torch.manual_seed(semilla)
    modelo = crear_modelo(X.shape[1])
    optimizador = crear_optimizador(modelo, lr=0.01, weight_decay=weight_decay)
    loss_fn = nn.MSELoss()
    for _ in range(pasos):
        optimizador.zero_grad()
        loss_fn(modelo(X), y).backward()
        optimizador.step()
    return modelo, optimizador
