import torch


def probabilidades(logits):
    e = torch.exp(logits)
    return e / e.sum(dim=1, keepdim=True)


def predecir_clase(logits):
    confianza, clases = probabilidades(logits).max(dim=1)
    return clases, confianza


def predecir_binaria(logits):
    return (torch.sigmoid(logits) > 0.5).squeeze(1).long()
