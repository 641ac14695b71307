import torch


def predecir_clases(logits):
    # logits tiene forma (N, C)
    ...


def metricas(logits, y):
    pred = predecir_clases(logits)
    # Calcula accuracy y la media macro de precisión, recall y F1
    ...
    return {"accuracy": ..., "precision": ..., "recall": ..., "f1": ...}


torch.manual_seed(0)
y = torch.randint(0, 3, (20,))
logits = torch.randn(20, 3) + 2 * torch.nn.functional.one_hot(y, 3)
print(predecir_clases(logits))
print(metricas(logits, y))
