import torch


def aplanar_lote(x):
    return x.reshape(x.shape[0], -1).to(torch.float32)


def canales_al_final(x):
    return x.permute(0, 2, 3, 1)
