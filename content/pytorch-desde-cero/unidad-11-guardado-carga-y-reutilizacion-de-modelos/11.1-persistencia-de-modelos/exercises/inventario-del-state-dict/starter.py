import copy
import torch
from torch import nn


class Clasificador(nn.Module):
    def __init__(self, n_entradas, n_ocultas, n_clases):
        super().__init__()
        self.capas = nn.Sequential(
            nn.Linear(n_entradas, n_ocultas),
            nn.BatchNorm1d(n_ocultas),
            nn.ReLU(),
            nn.Dropout(0.2),
        )
        self.salida = nn.Linear(n_ocultas, n_clases)

    def forward(self, x):
        return self.salida(self.capas(x))


def inventario(n_entradas, n_ocultas, n_clases):
    modelo = Clasificador(n_entradas, n_ocultas, n_clases)
    parametros = {}
    buffers = {}
    # TODO: rellena los dos diccionarios (nombre -> forma)
    return {"parametros": parametros, "buffers": buffers}


def paso_con_foto(X, y, n_clases):
    modelo = Clasificador(X.shape[1], 16, n_clases)
    # TODO: guarda una foto del state_dict y da un paso de entrenamiento
    ...


print(inventario(4, 8, 3))
