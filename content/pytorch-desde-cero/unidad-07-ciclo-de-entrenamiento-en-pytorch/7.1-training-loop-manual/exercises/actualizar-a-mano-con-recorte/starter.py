import torch


def entrenar_a_mano(X, y, lr, epocas, max_norma):
    w = torch.zeros(X.shape[1], 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    perdidas = []
    for _ in range(epocas):
        # TODO: pérdida, gradientes, recorte, actualización y limpieza
        ...
    return w, b, perdidas


X = torch.randn(100, 3)
y = X @ torch.tensor([[4.0], [-6.0], [2.0]]) + 10.0
w, b, perdidas = entrenar_a_mano(X, y, lr=0.1, epocas=200, max_norma=5.0)
print(w.view(-1), b, perdidas[0], perdidas[-1])
