import torch
from sklearn.metrics import f1_score, log_loss, roc_auc_score


def evaluar(lotes):
    logits = torch.cat([l for l, _ in lotes]).squeeze(1)
    y = torch.cat([etiquetas for _, etiquetas in lotes]).numpy()
    prob = torch.sigmoid(logits).numpy()
    clases = (prob > 0.5).astype(int)
    return {
        "f1": float(f1_score(y, clases)),
        "roc_auc": float(roc_auc_score(y, prob)),
        "log_loss": float(log_loss(y, prob)),
    }
