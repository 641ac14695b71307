import torch


def predecir_clases(logits):
    return logits.argmax(dim=1)


def division_segura(a, b):
    return a / b if b > 0 else 0.0


def metricas(logits, y):
    pred = predecir_clases(logits)
    num_clases = logits.shape[1]
    accuracy = (pred == y).float().mean()
    precisiones, recalls, f1s = [], [], []
    for c in range(num_clases):
        tp = ((pred == c) & (y == c)).sum().item()
        fp = ((pred == c) & (y != c)).sum().item()
        fn = ((pred != c) & (y == c)).sum().item()
        precision = division_segura(tp, tp + fp)
        recall = division_segura(tp, tp + fn)
        precisiones.append(precision)
        recalls.append(recall)
        f1s.append(division_segura(2 * precision * recall, precision + recall))
    return {
        "accuracy": accuracy,
        "precision": sum(precisiones) / num_clases,
        "recall": sum(recalls) / num_clases,
        "f1": sum(f1s) / num_clases,
    }
