import torch
from torch import nn


def crear_modelo():
    return nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))


def ajustar_cabeza(estado, X, y, epocas):
    modelo = crear_modelo()
    modelo.load_state_dict(estado)
    perdidas = []
    # TODO: congela modelo[0], crea el optimizador y entrena
    return modelo, perdidas


torch.manual_seed(0)
preentrenado = crear_modelo().state_dict()
X = torch.randn(200, 4)
y = X @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
modelo, perdidas = ajustar_cabeza(preentrenado, X, y, 50)
print("¿Primera capa intacta?", torch.equal(modelo[0].weight, preentrenado["0.weight"]))
print("¿Cabeza cambiada?", not torch.equal(modelo[2].weight, preentrenado["2.weight"]))
print(perdidas[:1], perdidas[-1:])
