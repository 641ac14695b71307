import copy

import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(nn.Linear(1, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 1))


def parada_temprana(perdidas_val, paciencia, min_delta=0.0):
    mejor_loss, mejor_epoca, sin_mejora = float("inf"), None, 0
    for epoca, loss in enumerate(perdidas_val, start=1):
        if loss < mejor_loss - min_delta:
            mejor_loss, mejor_epoca, sin_mejora = loss, epoca, 0
        else:
            sin_mejora += 1
        if sin_mejora >= paciencia:
            return mejor_epoca, epoca
    return mejor_epoca, len(perdidas_val)


def entrenar_con_parada(X_tr, y_tr, X_va, y_va, paciencia, max_epocas):
    modelo = crear_modelo()
    optimizador = torch.optim.Adam(modelo.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    historial = []
    mejor_loss, mejor_epoca, mejor_estado, sin_mejora = float("inf"), None, None, 0
    for epoca in range(1, max_epocas + 1):
        modelo.train()
        optimizador.zero_grad()
        loss_fn(modelo(X_tr), y_tr).backward()

        modelo.eval()
        with torch.no_grad():
            val_loss = loss_fn(modelo(X_va), y_va).item()
        historial.append(val_loss)
        if val_loss < mejor_loss:
            mejor_loss, mejor_epoca, sin_mejora = val_loss, epoca, 0
            mejor_estado = copy.deepcopy(modelo.state_dict())
        else:
            sin_mejora += 1
        if sin_mejora >= paciencia:
            break
    modelo.load_state_dict(mejor_estado)
    return modelo, mejor_epoca, historial
