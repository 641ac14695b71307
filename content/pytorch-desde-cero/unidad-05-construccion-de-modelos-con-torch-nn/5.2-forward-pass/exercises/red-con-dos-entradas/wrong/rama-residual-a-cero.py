import torch
from torch import nn


class RedMixta(nn.Module):
    def __init__(self, n_num, n_extra, oculta):
        super().__init__()
        self.entrada = nn.Linear(n_num + n_extra, oculta)
        self.bloque = nn.Linear(oculta, oculta)
        self.salida = nn.Linear(oculta, 1)
        # La rama residual empieza en cero, así el bloque arranca como la identidad
        nn.init.zeros_(self.bloque.weight)
        nn.init.zeros_(self.bloque.bias)

    def forward(self, x_num, x_extra):
        x = torch.cat([x_num, x_extra], dim=1)
        h = torch.tanh(self.entrada(x))
        h = h + self.bloque(torch.relu(h))
        return self.salida(h)


modelo = RedMixta(n_num=3, n_extra=2, oculta=8)
