import torch
from torch import nn


class ClasificadorDigitos(nn.Module):
    def __init__(self, n_entradas=64, n_clases=10, p_dropout=0.2):
        super().__init__()
        self.red = nn.Sequential(
            nn.Linear(n_entradas, 128), nn.ReLU(), nn.Dropout(p_dropout),
            nn.Linear(128, 64), nn.ReLU(), nn.Dropout(p_dropout),
            nn.Linear(64, n_clases),
        )

    def forward(self, x):
        return self.red(x)


modelo = ClasificadorDigitos()


def prueba_de_humo(X, y, pasos=200):
    red = ClasificadorDigitos()
    optimizador = torch.optim.Adam(red.parameters(), lr=1e-3)
    perdida_fn = nn.CrossEntropyLoss()
    perdidas = []
    for _ in range(pasos):
        red.train()
        optimizador.zero_grad()
        perdida = perdida_fn(red(X), y)
        perdida.backward()
        optimizador.step()
        perdidas.append(perdida)
    red.eval()
    with torch.no_grad():
        exactitud = (red(X).argmax(dim=1) == y).float().mean()
    return perdidas, exactitud
