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
    nombres = {n for n, _ in modelo.named_parameters()}
    sd = modelo.state_dict()
    return {"parametros": {k: tuple(v.shape) for k, v in sd.items() if k in nombres},
            "buffers": {k: tuple(v.shape) for k, v in sd.items() if k not in nombres}}


def paso_con_foto(X, y, n_clases):
    modelo = Clasificador(X.shape[1], 16, n_clases)
    foto = modelo.state_dict()          # referencia, no copia: cambia con el paso
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.1)
    modelo.train()
    optimizador.zero_grad()
    nn.functional.cross_entropy(modelo(X), y).backward()
    optimizador.step()
    return foto, modelo
