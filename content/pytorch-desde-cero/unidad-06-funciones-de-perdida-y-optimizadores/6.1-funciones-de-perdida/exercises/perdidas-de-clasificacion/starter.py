import torch
from torch import nn


def perdida_binaria(logits, y):
    # logits: (N, 1); y: (N,) long con 0 y 1
    ...


def perdida_multiclase(logits, y):
    # logits: (N, C); y: (N,) long con índices de clase
    ...


print(perdida_binaria(torch.tensor([[2.0], [-1.0], [0.5]]), torch.tensor([1, 0, 0])))
print(perdida_multiclase(torch.randn(4, 3), torch.tensor([0, 2, 1, 2])))
