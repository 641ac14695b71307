import torch


def analizar_confusion(confusion):
    # confusion[i, j] = ejemplos de la clase real i predichos como j
    # TODO: par (real, predicha) más confundido y exactitud por clase
    ...


confusion = torch.tensor([[50, 2, 0],
                          [1, 45, 6],
                          [0, 3, 40]])
print(analizar_confusion(confusion))   # esperado: ((1, 2), tensor([0.9615, 0.8654, 0.9302]))
