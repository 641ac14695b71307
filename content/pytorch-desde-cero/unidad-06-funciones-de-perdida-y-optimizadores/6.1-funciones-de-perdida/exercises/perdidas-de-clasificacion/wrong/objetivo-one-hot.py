import torch
import torch.nn.functional as F
from torch import nn


def perdida_binaria(logits, y):
    return nn.BCEWithLogitsLoss()(logits.squeeze(1), y.float())


def perdida_multiclase(logits, y):
    objetivo = F.one_hot(y, num_classes=logits.shape[1])
    return nn.CrossEntropyLoss()(logits, objetivo)
