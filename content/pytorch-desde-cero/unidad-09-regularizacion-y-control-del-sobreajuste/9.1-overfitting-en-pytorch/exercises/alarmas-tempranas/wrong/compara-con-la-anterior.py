import torch


def confianza_en_errores(logits, y):
    prob = torch.sigmoid(logits)
    pred = (prob > 0.5).float()
    confianza = torch.where(pred == 1, prob, 1 - prob)
    error = pred != y
    if not error.any():
        return 0.0
    return confianza[error].mean().item()


def primera_alarma(val, umbral=0.05):
    for i in range(1, len(val)):
        if val[i] > (1 + umbral) * val[i - 1]:
            return i
    return None
