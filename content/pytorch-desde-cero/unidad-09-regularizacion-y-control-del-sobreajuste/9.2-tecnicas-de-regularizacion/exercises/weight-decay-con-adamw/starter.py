import torch
from torch import nn


def crear_modelo(entrada):
    return nn.Sequential(nn.Linear(entrada, 32), nn.ReLU(), nn.Linear(32, 1))


def crear_optimizador(modelo, lr, weight_decay):
    # AdamW con dos grupos: pesos (con weight decay) y sesgos (sin weight decay)
    ...


def entrenar(X, y, weight_decay, pasos, semilla):
    torch.manual_seed(semilla)
    modelo = crear_modelo(X.shape[1])
    optimizador = crear_optimizador(modelo, lr=0.01, weight_decay=weight_decay)
    loss_fn = nn.MSELoss()
    # TODO: entrena `pasos` pasos con el lote completo
    return modelo, optimizador


torch.manual_seed(0)
X = torch.randn(100, 5)
y = X @ torch.randn(5, 1) + 0.1 * torch.randn(100, 1)
modelo, optimizador = entrenar(X, y, weight_decay=0.5, pasos=100, semilla=0)
print(optimizador)
