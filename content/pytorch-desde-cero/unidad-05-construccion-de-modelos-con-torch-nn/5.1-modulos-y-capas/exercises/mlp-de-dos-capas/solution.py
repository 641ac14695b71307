import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, n_entrada, n_oculta, n_salida):
        super().__init__()
        self.oculta = nn.Linear(n_entrada, n_oculta)
        self.salida = nn.Linear(n_oculta, n_salida)

    def forward(self, x):
        return self.salida(torch.relu(self.oculta(x)))


def crear_y_aplicar(n_entrada, n_oculta, n_salida, x):
    modelo = MLP(n_entrada, n_oculta, n_salida)
    return modelo, modelo(x)


def contar_parametros(n_entrada, n_oculta, n_salida):
    modelo = MLP(n_entrada, n_oculta, n_salida)
    return sum(p.numel() for p in modelo.parameters())
