import torch


def softmax_filas(logits):
    return torch.softmax(logits, dim=1)


def entropia_cruzada(logits, etiquetas):
    log_probs = torch.log_softmax(logits, dim=1)
    return -log_probs[torch.arange(logits.shape[0]), etiquetas].mean()


def exactitud(logits, etiquetas):
    return (logits.argmax(dim=1) == etiquetas).float().mean().item()
