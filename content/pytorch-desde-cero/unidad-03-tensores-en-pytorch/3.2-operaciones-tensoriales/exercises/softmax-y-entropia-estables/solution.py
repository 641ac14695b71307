import torch


def softmax_filas(logits):
    desplazados = logits - logits.max(dim=1, keepdim=True).values
    e = torch.exp(desplazados)
    return e / e.sum(dim=1, keepdim=True)


def entropia_cruzada(logits, etiquetas):
    log_probs = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    return -log_probs[torch.arange(logits.shape[0]), etiquetas].mean()


def exactitud(logits, etiquetas):
    return (logits.argmax(dim=1) == etiquetas).float().mean().item()
