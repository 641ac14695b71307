import torch


def aplanar_lote(x):
    return x.view(-1).float()


def canales_al_final(x):
    return x.permute(0, 2, 3, 1)
