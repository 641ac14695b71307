import torch
from torch import nn


def perdida_para(tarea, salida, objetivo):
    if tarea == "regresion":
        ...
    if tarea == "binaria":
        ...
    if tarea == "multiclase":
        ...
    if tarea == "multietiqueta":
        ...
    raise ValueError(f"tarea desconocida: {tarea}")


N = 6
print(perdida_para("regresion", torch.randn(N, 1), torch.randn(N)))
print(perdida_para("binaria", torch.randn(N, 1), torch.randint(0, 2, (N,))))
print(perdida_para("multiclase", torch.randn(N, 4), torch.randint(0, 4, (N,))))
print(perdida_para("multietiqueta", torch.randn(N, 3), torch.randint(0, 2, (N, 3)).float()))
