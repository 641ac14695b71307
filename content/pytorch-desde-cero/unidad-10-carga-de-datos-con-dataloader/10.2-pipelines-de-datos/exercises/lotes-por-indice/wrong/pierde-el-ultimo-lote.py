import torch


def lotes_en_memoria(X, y, batch_size, semilla, drop_last=False):
    g = torch.Generator().manual_seed(semilla)
    indices = torch.randperm(len(y), generator=g)
    lotes = []
    for b in range(len(y) // batch_size):
        idx = indices[b * batch_size:(b + 1) * batch_size]
        lotes.append((X[idx], y[idx]))
    return lotes
