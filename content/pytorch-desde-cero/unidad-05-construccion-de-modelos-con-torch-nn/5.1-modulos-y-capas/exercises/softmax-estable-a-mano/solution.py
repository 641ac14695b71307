import torch


def softmax_estable(z, dim):
    desplazado = z - z.amax(dim=dim, keepdim=True)
    e = desplazado.exp()
    return e / e.sum(dim=dim, keepdim=True)

