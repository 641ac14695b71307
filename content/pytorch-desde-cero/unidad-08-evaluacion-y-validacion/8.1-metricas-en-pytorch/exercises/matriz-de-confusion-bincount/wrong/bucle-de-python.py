import torch


def matriz_confusion(y_true, y_pred, num_clases):
    matriz = torch.zeros(num_clases, num_clases, dtype=torch.long)
    for real, predicha in zip(y_true.tolist(), y_pred.tolist()):
        matriz[real, predicha] += 1
    return matriz


def precision_recall_por_clase(confusion):
    aciertos = confusion.diag().float()
    precision = aciertos / confusion.sum(dim=0).clamp(min=1)
    recall = aciertos / confusion.sum(dim=1).clamp(min=1)
    return precision, recall
