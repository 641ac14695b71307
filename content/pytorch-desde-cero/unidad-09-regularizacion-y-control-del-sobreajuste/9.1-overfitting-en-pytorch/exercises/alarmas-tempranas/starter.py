import torch


def confianza_en_errores(logits, y):
    ...


def primera_alarma(val, umbral=0.05):
    ...


logits = torch.tensor([[3.0], [-2.0], [0.5], [-4.0]])
y = torch.tensor([[1.0], [1.0], [0.0], [0.0]])
print(confianza_en_errores(logits, y))               # media de 0.881 y 0.622
print(primera_alarma([1.0, 0.8, 0.7, 0.72, 0.75]))     # 4
