import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader


LONGITUD_MAXIMA = 20


def collate_relleno(ejemplos):
    secuencias, etiquetas = zip(*ejemplos)
    longitudes = torch.tensor([len(s) for s in secuencias], dtype=torch.long)
    lote = torch.zeros(len(secuencias), LONGITUD_MAXIMA)
    for i, s in enumerate(secuencias):
        lote[i, :len(s)] = s
    return lote, longitudes, torch.stack(etiquetas)


def mascara_relleno(longitudes, longitud_max):
    return torch.arange(longitud_max) < longitudes.unsqueeze(1)


def lotes_con_relleno(secuencias, etiquetas, batch_size):
    loader = DataLoader(list(zip(secuencias, etiquetas)), batch_size=batch_size, collate_fn=collate_relleno)
    return list(loader)
