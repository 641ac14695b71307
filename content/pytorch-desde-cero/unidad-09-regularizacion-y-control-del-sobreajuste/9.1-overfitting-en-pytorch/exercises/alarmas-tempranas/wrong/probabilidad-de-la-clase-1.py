import torch


def confianza_en_errores(logits, y):
    prob = torch.sigmoid(logits)
    pred = (prob > 0.5).float()
    error = pred != y
    if not error.any():
        return 0.0
    return prob[error].mean().item()


def primera_alarma(val, umbral=0.05):
    minimo = float("inf")
    for i, v in enumerate(val):
        minimo = min(minimo, v)
        if v > (1 + umbral) * minimo:
            return i
    return None
