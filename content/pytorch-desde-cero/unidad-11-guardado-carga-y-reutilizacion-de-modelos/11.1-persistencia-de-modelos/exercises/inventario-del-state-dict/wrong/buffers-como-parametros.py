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
    # Toma todo el state_dict como si fueran parámetros entrenables
    modelo = Clasificador(n_entradas, n_ocultas, n_clases)
    parametros = {k: tuple(v.shape) for k, v in modelo.state_dict().items()}
    buffers = {k: tuple(v.shape) for k, v in modelo.named_buffers()}
    return {"parametros": parametros, "buffers": buffers}


def paso_con_foto(X, y, n_clases):
    modelo = Clasificador(X.shape[1], 16, n_clases)
    foto = copy.deepcopy(modelo.state_dict())
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.1)
    modelo.train()
    optimizador.zero_grad()
    nn.functional.cross_entropy(modelo(X), y).backward()
    optimizador.step()
    return foto, modelo
