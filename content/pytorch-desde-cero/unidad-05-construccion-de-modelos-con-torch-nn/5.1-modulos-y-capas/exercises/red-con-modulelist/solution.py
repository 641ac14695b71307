import torch
from torch import nn


class RedProfunda(nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.capas = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))

    def forward(self, x):
        for capa in self.capas[:-1]:
            x = torch.relu(capa(x))
        return self.capas[-1](x)


def crear_y_aplicar(dims, x):
    red = RedProfunda(dims)
    return red, red(x)
