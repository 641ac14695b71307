import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class DatasetTabular(Dataset):
    def __init__(self, X, y):
        # X: array (N, D) float64; y: array (N,) int64
        ...

    def __len__(self):
        ...

    def __getitem__(self, i):
        ...


# --- Funciones de apoyo para el corrector (no las modifiques) ---
def inspeccionar(X, y, indices):
    ds = DatasetTabular(np.array(X), np.array(y))
    return len(ds), [ds[i] for i in indices]


def primer_lote(X, y, batch_size):
    ds = DatasetTabular(np.array(X), np.array(y))
    return next(iter(DataLoader(ds, batch_size=batch_size)))


X = np.random.default_rng(0).normal(size=(10, 4))
y = np.arange(10) % 3
ds = DatasetTabular(X, y)
print(ds[0])
