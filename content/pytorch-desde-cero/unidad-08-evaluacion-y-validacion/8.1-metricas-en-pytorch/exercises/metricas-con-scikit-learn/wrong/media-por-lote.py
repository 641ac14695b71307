import torch
from sklearn.metrics import f1_score, log_loss, roc_auc_score


def evaluar(lotes):
    suma = {"f1": 0.0, "roc_auc": 0.0, "log_loss": 0.0}
    for logits, y in lotes:
        prob = torch.sigmoid(logits.squeeze(1)).numpy()
        y = y.numpy()
        suma["f1"] += f1_score(y, (prob > 0.5).astype(int))
        suma["roc_auc"] += roc_auc_score(y, prob)
        suma["log_loss"] += log_loss(y, prob)
    return {clave: float(valor / len(lotes)) for clave, valor in suma.items()}
