import random
import numpy as np
import torch
from torch import nn
from torch.utils.data import TensorDataset, DataLoader


def fijar_semillas(semilla):
    random.seed(semilla)
    np.random.seed(semilla)
    torch.manual_seed(semilla)


def experimento(semilla, epocas=5):
    fijar_semillas(semilla)
    X = torch.tensor(np.random.randn(200, 5), dtype=torch.float32)
    y = (X[:, 0] + X[:, 1] > 0).long()
    indices = random.sample(range(200), 160)
    dataset = TensorDataset(X[indices], y[indices])
    modelo = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, 2))
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.1)
    generador = torch.Generator().manual_seed(semilla)
    loader = DataLoader(dataset, batch_size=20, shuffle=True, generator=generador)
    perdidas = []
    for _ in range(epocas):
        modelo.train()
        total = 0.0
        for xb, yb in loader:
            optimizador.zero_grad()
            perdida = nn.functional.cross_entropy(modelo(xb), yb)
            perdida.backward()
            optimizador.step()
            total += perdida * len(xb)
        perdidas.append(total / len(dataset))
    return modelo, perdidas
