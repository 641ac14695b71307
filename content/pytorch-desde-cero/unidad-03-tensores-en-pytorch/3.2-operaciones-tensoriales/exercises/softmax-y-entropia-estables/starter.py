import torch


def softmax_filas(logits):
    ...


def entropia_cruzada(logits, etiquetas):
    ...


def exactitud(logits, etiquetas):
    ...


logits = torch.tensor([[2.0, 0.5, -1.0], [1000.0, 1001.0, 1002.0]])
etiquetas = torch.tensor([0, 1])
print(softmax_filas(logits))
print(entropia_cruzada(logits, etiquetas))
print(exactitud(logits, etiquetas))
