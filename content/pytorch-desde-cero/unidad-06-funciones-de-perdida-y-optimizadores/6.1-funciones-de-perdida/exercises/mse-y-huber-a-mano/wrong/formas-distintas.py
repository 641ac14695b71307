import torch


def mse(pred, y):
    return ((pred - y) ** 2).mean()


def huber(pred, y, delta=1.0):
    e = pred - y
    return torch.where(e.abs() <= delta, 0.5 * e ** 2, delta * (e.abs() - 0.5 * delta)).mean()
