import torch


def gradiente(x, w):
    ...


x = torch.randn(5, 3)
w = torch.randn(3)
print(gradiente(x, w))
