import torch


def lotes_en_memoria(X, y, batch_size, semilla, drop_last=False):
    g = torch.Generator().manual_seed(semilla)
    X = X[torch.randperm(len(X), generator=g)]
    y = y[torch.randperm(len(y), generator=g)]
    lotes = []
    for inicio in range(0, len(y), batch_size):
        if drop_last and inicio + batch_size > len(y):
            break
        lotes.append((X[inicio:inicio + batch_size], y[inicio:inicio + batch_size]))
    return lotes
