import torch
from torch import nn


def mse(pred, y):
    # pred: (N, 1), y: (N,)
    ...


def huber(pred, y, delta=1.0):
    ...


pred = torch.tensor([[2.5], [0.0], [2.1], [7.8]])
y = torch.tensor([3.0, -0.5, 2.0, 1.0])
print("mse:  ", mse(pred, y), "nn:", nn.MSELoss()(pred.squeeze(1), y))
print("huber:", huber(pred, y), "nn:", nn.HuberLoss(delta=1.0)(pred.squeeze(1), y))
