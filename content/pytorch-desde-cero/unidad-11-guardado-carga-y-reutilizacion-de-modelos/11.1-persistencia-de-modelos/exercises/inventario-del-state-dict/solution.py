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
    nombres_parametros = {nombre for nombre, _ in modelo.named_parameters()}
    parametros, buffers = {}, {}
    for nombre, tensor in modelo.state_dict().items():
        destino = parametros if nombre in nombres_parametros else buffers
        destino[nombre] = tuple(tensor.shape)
    return {"parametros": parametros, "buffers": buffers}


def paso_con_foto(X, y, n_clases):
    modelo = Clasificador(X.shape[1], 16, n_clases)
    foto = copy.deepcopy(modelo.state_dict())
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.1)
    modelo.train()
    optimizador.zero_grad()
    perdida = nn.functional.cross_entropy(modelo(X), y)
    perdida.backward()
    optimizador.step()
    return foto, modelo
