import torch
from torch import nn


class RedMixta(nn.Module):
    def __init__(self, n_num, n_extra, oculta):
        super().__init__()
        # TODO: crea self.entrada, self.bloque y self.salida

    def forward(self, x_num, x_extra):
        # TODO: concatenar -> tanh(entrada) -> h + relu(bloque(h)) -> salida
        ...


modelo = RedMixta(n_num=3, n_extra=2, oculta=8)
print(modelo)
print(modelo(torch.randn(4, 3), torch.randn(4, 2)))
