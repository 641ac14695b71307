import torch


def probabilidades(logits):
    return torch.softmax(logits, dim=1)


def predecir_clase(logits):
    confianza, clases = probabilidades(logits).max(dim=1)
    return clases, confianza


def predecir_binaria(logits):
    return (logits > 0.5).squeeze(1).long()
