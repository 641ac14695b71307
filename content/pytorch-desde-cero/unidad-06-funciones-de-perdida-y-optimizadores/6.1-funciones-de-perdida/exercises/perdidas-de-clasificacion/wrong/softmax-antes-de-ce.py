import torch
from torch import nn


def perdida_binaria(logits, y):
    return nn.BCEWithLogitsLoss()(logits.squeeze(1), y.float())


def perdida_multiclase(logits, y):
    probs = torch.softmax(logits, dim=1)
    return nn.CrossEntropyLoss()(probs, y)
