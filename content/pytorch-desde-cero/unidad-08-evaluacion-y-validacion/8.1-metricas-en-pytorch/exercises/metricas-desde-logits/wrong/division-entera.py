import torch


def predecir_clases(logits):
    return logits.argmax(dim=1)


def metricas(logits, y):
    pred = predecir_clases(logits)
    num_clases = logits.shape[1]
    accuracy = (pred == y).sum() // len(y)
    precisiones, recalls, f1s = [], [], []
    for c in range(num_clases):
        tp = ((pred == c) & (y == c)).sum()
        fp = ((pred == c) & (y != c)).sum()
        fn = ((pred != c) & (y == c)).sum()
        p = tp // (tp + fp) if tp + fp > 0 else 0
        r = tp // (tp + fn) if tp + fn > 0 else 0
        precisiones.append(p)
        recalls.append(r)
        f1s.append(2 * p * r // (p + r) if p + r > 0 else 0)
    return {"accuracy": accuracy.item(), "precision": float(sum(precisiones)) / num_clases,
            "recall": float(sum(recalls)) / num_clases, "f1": float(sum(f1s)) / num_clases}
