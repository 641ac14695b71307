import torch


def dividir_y_estandarizar(X, y, frac_val, semilla):
    N = len(X)
    perm = torch.randperm(N, generator=torch.Generator().manual_seed(semilla))
    n_val = int(frac_val * N)
    idx_tr, idx_va = perm[:N - n_val], perm[N - n_val:]
    X_tr, y_tr = X[idx_tr], y[idx_tr]
    X_va, y_va = X[idx_va], y[idx_va]
    media, desv = X_tr.mean(dim=0), X_tr.std(dim=0)
    return (X_tr - media) / desv, y_tr, (X_va - media) / desv, y_va, media, desv
