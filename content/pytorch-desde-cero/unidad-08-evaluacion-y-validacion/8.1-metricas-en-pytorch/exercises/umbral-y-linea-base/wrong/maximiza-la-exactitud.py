import torch

UMBRALES = [round(0.05 * k, 2) for k in range(1, 20)]


def linea_base(y):
    p = y.float().mean().item()
    return max(p, 1 - p)


def elegir_umbral(prob_val, y_val, recall_minimo):
    exactitudes = [((prob_val > u).long() == y_val).float().mean().item() for u in UMBRALES]
    return UMBRALES[exactitudes.index(max(exactitudes))]
