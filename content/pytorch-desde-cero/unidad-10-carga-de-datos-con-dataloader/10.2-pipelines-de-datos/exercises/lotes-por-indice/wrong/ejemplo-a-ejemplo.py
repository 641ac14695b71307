import torch


def lotes_en_memoria(X, y, batch_size, semilla, drop_last=False):
    g = torch.Generator().manual_seed(semilla)
    indices = torch.randperm(len(y), generator=g).tolist()
    lotes = []
    for inicio in range(0, len(y), batch_size):
        idx = indices[inicio:inicio + batch_size]
        if drop_last and len(idx) < batch_size:
            break
        lotes.append((torch.stack([X[i] for i in idx]), torch.stack([y[i] for i in idx])))
    return lotes
