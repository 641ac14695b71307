import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, entrada, oculta, salida, p=0.3):
        super().__init__()
        # TODO: dos capas ocultas (Linear + ReLU + Dropout) y una capa de salida
        ...

    def forward(self, x):
        ...


def predecir(x):
    # Usa el modelo global `modelo`: salidas deterministas y sin gradientes
    ...


modelo = MLP(10, 64, 3, p=0.3)

x = torch.randn(4, 10)
print(predecir(x))
