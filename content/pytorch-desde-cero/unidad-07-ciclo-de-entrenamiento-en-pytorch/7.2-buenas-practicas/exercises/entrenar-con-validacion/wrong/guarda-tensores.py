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
        modelo.train()
        optimizador.zero_grad()
        perdida = criterio(modelo(X_tr), y_tr)
        perdida.backward()
        optimizador.step()
        perdidas_train.append(perdida)

        modelo.eval()
        perdidas_val.append(criterio(modelo(X_va), y_va))
    return modelo, perdidas_train, perdidas_val
