import torch


def desde_lista(datos):
    return torch.tensor(datos, dtype=torch.float32)


def eje_x(inicio, fin, n):
    paso = (fin - inicio) / n
    return torch.arange(inicio, fin, paso).unsqueeze(1)


def pesos_iniciales(n_entradas, n_salidas, semilla):
    torch.manual_seed(semilla)
    return torch.randn(n_entradas, n_salidas) * 0.1
