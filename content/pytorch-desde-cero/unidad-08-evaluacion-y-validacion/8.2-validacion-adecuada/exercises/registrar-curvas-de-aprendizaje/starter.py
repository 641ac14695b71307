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
        for i in range(0, n, 32):
            idx = perm[i:i + 32]
            optimizador.zero_grad()
            loss = loss_fn(modelo(X_tr[idx]), y_tr[idx])
            loss.backward()
            optimizador.step()
            # TODO: acumula la pérdida de este lote, ponderada por su tamaño

        # TODO: añade la pérdida media de entrenamiento de la época a historial["train"]
        # TODO: mide la pérdida de validación (modo evaluación, sin gradientes) y añádela a historial["val"]
    return modelo, historial


torch.manual_seed(0)
w = torch.randn(4, 1)
X = torch.randn(250, 4)
y = X @ w + 0.1 * torch.randn(250, 1)
modelo, historial = entrenar_con_curvas(X[:200], y[:200], X[200:], y[200:], epocas=10, semilla=0)
print("train:", [round(v, 3) for v in historial["train"]])
print("val:  ", [round(v, 3) for v in historial["val"]])
