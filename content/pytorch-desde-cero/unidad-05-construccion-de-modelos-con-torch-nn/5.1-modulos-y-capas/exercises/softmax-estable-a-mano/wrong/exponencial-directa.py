import torch


def softmax_estable(z, dim):
    e = z.exp()
    return e / e.sum(dim=dim, keepdim=True)
