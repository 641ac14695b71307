import numpy as np
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def preparar_datos(X, y, semilla):
    X_np, y_np = X.numpy(), y.numpy()
    indices = np.arange(len(y_np))
    idx_tmp, idx_test = train_test_split(indices, test_size=0.2, random_state=semilla)
    idx_train, idx_val = train_test_split(idx_tmp, test_size=0.2, random_state=semilla)
    escalador = StandardScaler().fit(X_np[idx_train])

    def parte(idx):
        return (torch.tensor(escalador.transform(X_np[idx]), dtype=torch.float32),
                torch.tensor(y_np[idx], dtype=torch.long),
                torch.tensor(idx, dtype=torch.long))

    return {"train": parte(idx_train), "val": parte(idx_val), "test": parte(idx_test)}
