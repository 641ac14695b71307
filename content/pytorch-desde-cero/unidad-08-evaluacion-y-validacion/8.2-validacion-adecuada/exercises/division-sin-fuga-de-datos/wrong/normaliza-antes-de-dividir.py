import torch


def dividir_y_estandarizar(X, y, frac_val, semilla):
    media, desv = X.mean(dim=0), X.std(dim=0)
    X = (X - media) / desv
    N = len(X)
    perm = torch.randperm(N, generator=torch.Generator().manual_seed(semilla))
    n_val = int(frac_val * N)
    idx_tr, idx_va = perm[:N - n_val], perm[N - n_val:]
    return X[idx_tr], y[idx_tr], X[idx_va], y[idx_va], media, desv
