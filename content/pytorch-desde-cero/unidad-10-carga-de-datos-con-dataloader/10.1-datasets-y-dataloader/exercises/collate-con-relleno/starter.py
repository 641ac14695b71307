import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader


def collate_relleno(ejemplos):
    # ejemplos es una lista de tuplas (secuencia, etiqueta)
    ...


def mascara_relleno(longitudes, longitud_max):
    ...


def lotes_con_relleno(secuencias, etiquetas, batch_size):
    ...


ejemplos = [(torch.randn(3), torch.tensor(0)), (torch.randn(5), torch.tensor(1)), (torch.randn(2), torch.tensor(1))]
print(collate_relleno(ejemplos))
print(mascara_relleno(torch.tensor([3, 5, 2]), 5))
