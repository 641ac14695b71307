import torch
from torch import nn


class RedProfunda(nn.Module):
    def __init__(self, dims):
        super().__init__()
        # TODO: una nn.Linear por cada pareja de tamaños consecutivos, en self.capas
        ...

    def forward(self, x):
        # TODO: ReLU tras cada capa excepto la última
        ...


def crear_y_aplicar(dims, x):
    ...


red = RedProfunda([10, 32, 16, 2])
print(red)
print("Parámetros registrados:", sum(p.numel() for p in red.parameters()))
