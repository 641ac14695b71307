import torch
from torch import nn


class DigitsMLP(nn.Module):
    def __init__(self, n_clases=10):
        super().__init__()
        self.cuerpo = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU())
        self.cabeza = nn.Linear(64, n_clases)

    def forward(self, x):
        return self.cabeza(self.cuerpo(x))


def cargar_modelo():
    ...


def predecir(X_crudo, umbral=0.9):
    ...
