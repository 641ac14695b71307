import torch


def mse(pred, y):
    e = pred.squeeze(1) - y
    return (e ** 2).sum()


def huber(pred, y, delta=1.0):
    e = pred.squeeze(1) - y
    return torch.where(e.abs() <= delta, 0.5 * e ** 2, delta * (e.abs() - 0.5 * delta)).sum()
