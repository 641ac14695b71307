import torch
from torch import nn


def perdida_binaria(logits, y):
    return nn.BCEWithLogitsLoss()(logits, y)


def perdida_multiclase(logits, y):
    return nn.CrossEntropyLoss()(logits, y)
