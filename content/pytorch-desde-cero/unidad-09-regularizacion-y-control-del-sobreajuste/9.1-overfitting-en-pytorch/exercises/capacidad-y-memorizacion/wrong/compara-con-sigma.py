import torch
from torch import nn


def contar_parametros(tamanos):
    capas = []
    for a, b in zip(tamanos[:-1], tamanos[1:]):
        capas += [nn.Linear(a, b), nn.ReLU()]
    red = nn.Sequential(*capas[:-1])
    return sum(p.numel() for p in red.parameters())


def memoriza(mse_train, sigma):
    return bool(mse_train < sigma)
