import torch


def estandarizar(X):
    # X: (N, F). Cada columna con media 0 y desviación 1
    ...


def centrar_filas(X):
    # Cada fila con media 0
    ...


def error_cuadratico(pred, y):
    # pred: (N, 1), y: (N,)
    # TODO: cuidado con las shapes antes de restar
    ...


torch.manual_seed(0)
X = torch.randn(6, 3) * torch.tensor([1.0, 10.0, 100.0]) + 5.0
print(estandarizar(X))     # cada columna debería tener media 0 y desviación 1
print(centrar_filas(X))    # cada fila debería tener media 0
print(error_cuadratico(torch.randn(4, 1), torch.randn(4)))
