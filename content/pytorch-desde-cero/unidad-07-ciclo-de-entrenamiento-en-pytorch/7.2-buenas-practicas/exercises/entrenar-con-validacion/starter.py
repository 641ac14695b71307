import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(
        nn.Linear(4, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.3),
        nn.Linear(32, 3),
    )


def entrenar(X_tr, y_tr, X_va, y_va, epocas):
    modelo = crear_modelo()
    optimizador = torch.optim.Adam(modelo.parameters(), lr=0.01)
    criterio = nn.CrossEntropyLoss()
    perdidas_train, perdidas_val = [], []
    for _ in range(epocas):
        # TODO: un paso de entrenamiento y después la validación
        ...
    return modelo, perdidas_train, perdidas_val


torch.manual_seed(0)
W = torch.randn(4, 3) * 2
X = torch.randn(320, 4)
y = (X @ W).argmax(dim=1)
modelo, tr, va = entrenar(X[:240], y[:240], X[240:], y[240:], 30)
print("train:", tr[:1], tr[-1:])
print("val:  ", va[:1], va[-1:])
