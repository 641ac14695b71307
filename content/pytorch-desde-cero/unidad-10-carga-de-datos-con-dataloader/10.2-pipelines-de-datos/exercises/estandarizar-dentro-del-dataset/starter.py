import torch
from torch.utils.data import Dataset


class Estandarizar:
    def __init__(self, X_entrenamiento, eps=1e-8):
        ...

    def __call__(self, x):
        ...


class TablaDataset(Dataset):
    def __init__(self, X, y, transform=None):
        ...

    def __len__(self):
        ...

    def __getitem__(self, i):
        ...


def preparar(X_tr, y_tr, X_va, y_va):
    # Devuelve (train_ds, val_ds, transformacion)
    ...


# --- Funciones de apoyo para el corrector (no las modifiques) ---
def apilar(ds):
    xs, ys = zip(*[ds[i] for i in range(len(ds))])
    return torch.stack(xs), torch.stack(ys)


def resultado_preparar(X_tr, y_tr, X_va, y_va):
    train_ds, val_ds, transformacion = preparar(X_tr, y_tr, X_va, y_va)
    return apilar(train_ds), apilar(val_ds), transformacion.media, transformacion.desv


def aplicar_estandarizar(X_ajuste, x):
    return Estandarizar(X_ajuste)(x)


torch.manual_seed(0)
X_tr, X_va = torch.randn(30, 3) * 10 + 5, torch.randn(10, 3) * 10 + 8
y_tr, y_va = torch.randint(0, 2, (30,)), torch.randint(0, 2, (10,))
print(preparar(X_tr, y_tr, X_va, y_va))
