import torch
from torch import nn


class Clasificador(nn.Module):
    def __init__(self):
        super().__init__()
        self.red = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 3))

    def forward(self, x):
        return self.red(x)

    def predecir(self, x):
        # TODO: probabilidades sin Dropout ni grafo; deja el modelo en el modo en que estaba
        ...


modelo = Clasificador()
x = torch.randn(2, 4)
print(modelo.predecir(x))
print(modelo.predecir(x))      # debería salir lo mismo
print("¿Sigue en modo entrenamiento?", modelo.training)
