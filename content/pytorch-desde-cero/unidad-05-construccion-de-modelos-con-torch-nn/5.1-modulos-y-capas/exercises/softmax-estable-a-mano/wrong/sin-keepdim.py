import torch


def softmax_estable(z, dim):
    e = (z - z.amax(dim=dim)).exp()
    return e / e.sum(dim=dim)
