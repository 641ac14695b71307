import torch
from torch import nn


def contar_parametros(tamanos):
    # Número total de parámetros de la MLP descrita por `tamanos` (entero de Python)
    ...


def memoriza(mse_train, sigma):
    # True si mse_train está por debajo de lo que permite el ruido
    ...


print(contar_parametros([1, 128, 128, 1]))   # 16897
print(memoriza(0.01, 0.4))                     # True
