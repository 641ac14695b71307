import torch


def probabilidades(logits):
    # logits: (N, C)
    ...


def predecir_clase(logits):
    # devuelve (clases, confianza)
    ...


def predecir_binaria(logits):
    # logits: (N, 1)
    ...


logits = torch.tensor([[2.0, 1.0, 0.1],
                       [0.5, 0.5, 3.0]])
print(probabilidades(logits))
print(predecir_clase(logits))
print(predecir_binaria(torch.tensor([[-2.0], [0.3], [4.1]])))
