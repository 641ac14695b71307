import torch


def preparar_lote(X, y, device):
    X = X.to(device, dtype=torch.float32)
    y = y.to(device, dtype=torch.int64)
    return X, y


def predecir_en(X, W, b, device):
    X, W, b = X.to(device), W.to(device), b.to(device)
    return X @ W + b


def ruido_en(n, device):
    return torch.randn(n, device=device)
