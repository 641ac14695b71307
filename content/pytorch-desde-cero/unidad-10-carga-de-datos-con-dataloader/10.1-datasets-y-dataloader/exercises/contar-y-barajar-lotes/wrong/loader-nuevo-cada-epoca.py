import torch
from torch.utils.data import DataLoader


def contar_lotes(n, batch_size, drop_last):
    loader = DataLoader(torch.arange(n), batch_size=batch_size, drop_last=drop_last)
    tamanos = [len(lote) for lote in loader]
    return len(tamanos), (tamanos[-1] if tamanos else 0)


def ordenes_barajados(n, batch_size, semilla, epocas):
    resultado = []
    for _ in range(epocas):
        generador = torch.Generator().manual_seed(semilla)
        loader = DataLoader(torch.arange(n), batch_size=batch_size, shuffle=True, generator=generador)
        resultado.append([lote.tolist() for lote in loader])
    return resultado
