import torch


def gradiente_completo(X, y, w):
    ...


def gradiente_acumulado(X, y, w, k):
    # TODO: un backward() por micro-lote, acumulando en w.grad
    ...


torch.manual_seed(0)
X = torch.randn(256, 5)
y = torch.randn(256)
w = torch.randn(5)
print(gradiente_completo(X, y, w))
print(gradiente_acumulado(X, y, w, k=4))
