import torch


def lotes_en_memoria(X, y, batch_size, semilla, drop_last=False):
    g = torch.Generator().manual_seed(semilla)
    ...


X, y = torch.randn(10, 3), torch.arange(10)
for xb, yb in lotes_en_memoria(X, y, 4, semilla=0):
    print(tuple(xb.shape), yb.tolist())
