import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 1))


def entrenar_con_curvas(X_tr, y_tr, X_va, y_va, epocas, semilla):
    torch.manual_seed(semilla)
    modelo = crear_modelo()
    optimizador = torch.optim.Adam(modelo.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    historial = {"train": [], "val": []}
    n = len(X_tr)
    for epoca in range(epocas):
        modelo.train()
        perm = torch.randperm(n)
        suma = 0.0
        for i in range(0, n, 32):
            idx = perm[i:i + 32]
            optimizador.zero_grad()
            loss = loss_fn(modelo(X_tr[idx]), y_tr[idx])
            loss.backward()
            optimizador.step()
            suma += loss.item() * len(idx)
        historial["train"].append(suma / n)

        modelo.eval()
        with torch.no_grad():
            historial["val"].append(loss_fn(modelo(X_va), y_va).item())
    return modelo, historial
