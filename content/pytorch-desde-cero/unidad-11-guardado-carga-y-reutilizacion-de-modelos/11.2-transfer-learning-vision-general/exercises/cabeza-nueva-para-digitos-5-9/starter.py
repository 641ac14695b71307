import torch
from torch import nn


class DigitsMLP(nn.Module):
    def __init__(self, n_clases=10):
        super().__init__()
        self.cuerpo = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU())
        self.cabeza = nn.Linear(64, n_clases)

    def forward(self, x):
        return self.cabeza(self.cuerpo(x))


def preparar_modelo():
    modelo = DigitsMLP()
    # TODO: carga los pesos preentrenados, pon una cabeza de 5 salidas y congela el cuerpo
    return modelo


def ajustar(X, y, epocas=200):
    modelo = preparar_modelo()
    # TODO: entrena solo la cabeza (entradas / 16, etiquetas 5-9 -> 0-4)
    ...


modelo = preparar_modelo()
for nombre, p in modelo.named_parameters():
    print(f"{nombre:16s} {tuple(p.shape)} requires_grad={p.requires_grad}")
