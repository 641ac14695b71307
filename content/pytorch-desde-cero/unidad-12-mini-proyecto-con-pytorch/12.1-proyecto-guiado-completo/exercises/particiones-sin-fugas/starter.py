import numpy as np
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def preparar_datos(X, y, semilla):
    X_np, y_np = X.numpy(), y.numpy()
    indices = np.arange(len(y_np))
    # TODO: 1) partición estratificada de los índices (test 20 %, validación 20 % del resto)
    # TODO: 2) StandardScaler ajustado solo con entrenamiento
    # TODO: 3) tensores float32 / long para cada partición
    return {"train": None, "val": None, "test": None}


if __name__ == "__main__":
    from sklearn.datasets import load_digits
    X, y = load_digits(return_X_y=True)
    datos = preparar_datos(torch.tensor(X, dtype=torch.float32), torch.tensor(y), semilla=42)
    print({nombre: parte if parte is None else tuple(parte[0].shape) for nombre, parte in datos.items()})
