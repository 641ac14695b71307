import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, n_entrada, n_oculta, n_salida):
        super().__init__()
        # TODO: crea self.oculta y self.salida

    def forward(self, x):
        # TODO: oculta -> ReLU -> salida
        ...


def crear_y_aplicar(n_entrada, n_oculta, n_salida, x):
    ...


def contar_parametros(n_entrada, n_oculta, n_salida):
    ...


resultado = crear_y_aplicar(4, 8, 3, torch.randn(5, 4))
print(resultado)
print("Parámetros:", contar_parametros(4, 8, 3))   # debería dar 4·8 + 8 + 8·3 + 3 = 67
