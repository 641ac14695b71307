import torch


def predecir(X, w, b):
    # X: (N, D), w: (D, 1), b: número -> (N, 1)
    ...


def error_cuadratico_medio(pred, y):
    # TODO: media de los cuadrados de las diferencias
    ...


torch.manual_seed(0)
X = torch.randn(5, 3)
w = torch.tensor([[2.0], [-1.0], [0.5]])
pred = predecir(X, w, 1.0)
print(pred)
print(error_cuadratico_medio(pred, torch.zeros(5, 1)))
