import torch


def softmax_estable(z, dim):
    return torch.softmax(z, dim=dim)
