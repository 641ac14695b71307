import torch
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score


def predecir_clases(logits):
    return logits.argmax(dim=1)


def metricas(logits, y):
    pred = predecir_clases(logits).numpy()
    real = y.numpy()
    kw = dict(labels=list(range(logits.shape[1])), average="macro", zero_division=0)
    return {
        "accuracy": float(accuracy_score(real, pred)),
        "precision": float(precision_score(real, pred, **kw)),
        "recall": float(recall_score(real, pred, **kw)),
        "f1": float(f1_score(real, pred, **kw)),
    }
