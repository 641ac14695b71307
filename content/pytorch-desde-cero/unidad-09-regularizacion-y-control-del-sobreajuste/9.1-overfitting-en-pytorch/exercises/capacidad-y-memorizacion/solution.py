import torch
from torch import nn


def contar_parametros(tamanos):
    return sum(a * b + b for a, b in zip(tamanos[:-1], tamanos[1:]))


def memoriza(mse_train, sigma):
    return bool(mse_train < sigma ** 2)
