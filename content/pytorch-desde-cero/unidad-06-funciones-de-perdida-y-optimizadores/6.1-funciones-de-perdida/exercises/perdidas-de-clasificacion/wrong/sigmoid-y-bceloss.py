import torch
from torch import nn


def perdida_binaria(logits, y):
    probabilidad = torch.sigmoid(logits).squeeze(1)
    return nn.BCELoss()(probabilidad, y.float())


def perdida_multiclase(logits, y):
    return nn.CrossEntropyLoss()(logits, y)
