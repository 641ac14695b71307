import torch
import torch.nn.functional as F


def mse(pred, y):
    return F.mse_loss(pred.squeeze(1), y)


def huber(pred, y, delta=1.0):
    return F.huber_loss(pred.squeeze(1), y, delta=delta)
