import numpy as np
import torch


def preparar_lote(X, y, device):
    X = X.to(device, dtype=torch.float32)
    y = y.to(device, dtype=torch.int64)
    return X, y


def predecir_en(X, W, b, device):
    X, W, b = X.to(device), W.to(device), b.to(device)
    return X @ W + b


def ruido_en(n, device):
    # Genera en NumPy (float64) y lo convierte después
    return torch.from_numpy(np.random.randn(n)).to(device)
