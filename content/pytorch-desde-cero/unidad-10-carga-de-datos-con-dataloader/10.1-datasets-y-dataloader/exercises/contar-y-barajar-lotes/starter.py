import torch
from torch.utils.data import DataLoader


def contar_lotes(n, batch_size, drop_last):
    ...


def ordenes_barajados(n, batch_size, semilla, epocas):
    ...


print(contar_lotes(1797, 64, drop_last=False))   # (29, 5)
print(contar_lotes(1797, 64, drop_last=True))    # (28, 64)
print(ordenes_barajados(10, 4, semilla=0, epocas=2))
