import torch


def predecir_clases(logits):
    return logits.argmax(dim=0)


def metricas(logits, y):
    pred = predecir_clases(logits)
    num_clases = logits.shape[1]
    accuracy = (pred == y).float().mean().item()
    precisiones, recalls, f1s = [], [], []
    for c in range(num_clases):
        tp = ((pred == c) & (y == c)).sum().item()
        fp = ((pred == c) & (y != c)).sum().item()
        fn = ((pred != c) & (y == c)).sum().item()
        p = tp / (tp + fp) if tp + fp > 0 else 0.0
        r = tp / (tp + fn) if tp + fn > 0 else 0.0
        precisiones.append(p)
        recalls.append(r)
        f1s.append(2 * p * r / (p + r) if p + r > 0 else 0.0)
    return {"accuracy": accuracy, "precision": sum(precisiones) / num_clases,
            "recall": sum(recalls) / num_clases, "f1": sum(f1s) / num_clases}
