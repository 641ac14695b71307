import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader


def collate_relleno(ejemplos):
    secuencias, etiquetas = zip(*ejemplos)
    longitudes = torch.tensor([len(s) for s in secuencias], dtype=torch.long)
    lote = pad_sequence(secuencias, batch_first=True, padding_value=0.0)
    return lote, longitudes, torch.stack(etiquetas)


def mascara_relleno(longitudes, longitud_max):
    return torch.arange(longitud_max) < longitudes.unsqueeze(1)


def lotes_con_relleno(secuencias, etiquetas, batch_size):
    loader = DataLoader(list(zip(secuencias, etiquetas)), batch_size=batch_size, collate_fn=collate_relleno)
    return list(loader)
