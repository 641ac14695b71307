import torch
from torch.utils.data import Dataset


class Estandarizar:
    def __init__(self, X_entrenamiento, eps=1e-8):
        self.media = X_entrenamiento.mean(dim=0)
        self.desv = X_entrenamiento.std(dim=0)

    def __call__(self, x):
        return (x - self.media) / self.desv


class TablaDataset(Dataset):
    def __init__(self, X, y, transform=None):
        self.X = torch.as_tensor(X, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.long)
        self.transform = transform

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        x = self.X[i]
        if self.transform is not None:
            x = self.transform(x)
        return x, self.y[i]


def preparar(X_tr, y_tr, X_va, y_va):
    transformacion = Estandarizar(X_tr)
    return TablaDataset(X_tr, y_tr, transformacion), TablaDataset(X_va, y_va, transformacion), transformacion


# --- Funciones de apoyo para el corrector (no las modifiques) ---
def apilar(ds):
    xs, ys = zip(*[ds[i] for i in range(len(ds))])
    return torch.stack(xs), torch.stack(ys)


def resultado_preparar(X_tr, y_tr, X_va, y_va):
    train_ds, val_ds, transformacion = preparar(X_tr, y_tr, X_va, y_va)
    return apilar(train_ds), apilar(val_ds), transformacion.media, transformacion.desv


def aplicar_estandarizar(X_ajuste, x):
    return Estandarizar(X_ajuste)(x)

