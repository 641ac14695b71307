import torch
from torch.utils.data import DataLoader


def contar_lotes(n, batch_size, drop_last):
    num_lotes = n // batch_size
    if num_lotes == 0:
        return 0, 0
    if drop_last:
        return num_lotes, batch_size
    return num_lotes, n - (num_lotes - 1) * batch_size


def ordenes_barajados(n, batch_size, semilla, epocas):
    generador = torch.Generator().manual_seed(semilla)
    loader = DataLoader(torch.arange(n), batch_size=batch_size, shuffle=True, generator=generador)
    return [[lote.tolist() for lote in loader] for _ in range(epocas)]
