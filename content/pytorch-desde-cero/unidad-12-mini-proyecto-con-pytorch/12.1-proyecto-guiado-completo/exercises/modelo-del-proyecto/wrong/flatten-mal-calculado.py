import torch
from torch import nn


class ClasificadorDigitos(nn.Module):
    def __init__(self, n_clases=10):
        super().__init__()
        self.red = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=3, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, kernel_size=3, padding=1), nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(32 * 2 * 2, n_clases),   # cuenta mal la salida de Flatten
        )

    def forward(self, x):
        return self.red(x.view(-1, 1, 8, 8))


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
        perdidas.append(perdida.item())
    red.eval()
    with torch.no_grad():
        exactitud = (red(X).argmax(dim=1) == y).float().mean().item()
    return perdidas, exactitud
