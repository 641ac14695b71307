import torch


def probabilidades(logits):
    return torch.softmax(logits, dim=1)


def predecir_clase(logits):
    probs = probabilidades(logits)
    clases = probs.argmax()
    return clases, probs.max()


def predecir_binaria(logits):
    return (torch.sigmoid(logits) > 0.5).squeeze(1).long()
