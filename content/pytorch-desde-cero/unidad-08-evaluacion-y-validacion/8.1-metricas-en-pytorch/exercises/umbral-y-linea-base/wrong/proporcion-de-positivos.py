import torch

UMBRALES = [round(0.05 * k, 2) for k in range(1, 20)]


def linea_base(y):
    return 1 - y.float().mean().item()


def elegir_umbral(prob_val, y_val, recall_minimo):
    positivos = (y_val == 1).sum()
    validos = [u for u in UMBRALES
               if (((prob_val > u) & (y_val == 1)).sum() / positivos).item() >= recall_minimo]
    return max(validos)
