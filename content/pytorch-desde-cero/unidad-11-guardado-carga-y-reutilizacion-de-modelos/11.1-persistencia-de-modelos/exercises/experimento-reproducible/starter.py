import random
import numpy as np
import torch
from torch import nn
from torch.utils.data import TensorDataset, DataLoader


def fijar_semillas(semilla):
    # TODO: fija las semillas de random, NumPy y PyTorch
    pass


def experimento(semilla, epocas=5):
    # TODO: haz que todo lo que sigue sea reproducible con `semilla`
    X = torch.tensor(np.random.randn(200, 5), dtype=torch.float32)
    y = (X[:, 0] + X[:, 1] > 0).long()
    indices = random.sample(range(200), 160)          # subconjunto de entrenamiento
    dataset = TensorDataset(X[indices], y[indices])
    modelo = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Dropout(0.3), nn.Linear(16, 2))
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.1)
    loader = DataLoader(dataset, batch_size=20, shuffle=True)
    perdidas = []
    for _ in range(epocas):
        # TODO: una época de entrenamiento; guarda la pérdida media en `perdidas`
        pass
    return modelo, perdidas


_, p1 = experimento(0)
_, p2 = experimento(0)
print(p1)
print("¿Idénticas?", p1 == p2)
