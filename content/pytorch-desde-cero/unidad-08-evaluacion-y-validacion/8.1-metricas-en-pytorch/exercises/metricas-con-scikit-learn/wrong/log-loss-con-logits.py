import torch
from sklearn.metrics import f1_score, log_loss, roc_auc_score


def evaluar(lotes):
    logits = torch.cat([l for l, _ in lotes]).squeeze(1)
    y = torch.cat([etiquetas for _, etiquetas in lotes]).numpy()
    clases = (logits > 0.5).long().numpy()
    return {
        "f1": float(f1_score(y, clases)),
        "roc_auc": float(roc_auc_score(y, logits.numpy())),
        "log_loss": float(log_loss(y, logits.clamp(0, 1).numpy())),
    }
