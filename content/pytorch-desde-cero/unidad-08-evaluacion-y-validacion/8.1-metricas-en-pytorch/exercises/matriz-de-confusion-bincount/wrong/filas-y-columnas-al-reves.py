import torch


def matriz_confusion(y_true, y_pred, num_clases):
    codigos = y_pred * num_clases + y_true
    return torch.bincount(codigos, minlength=num_clases * num_clases).reshape(num_clases, num_clases)


def precision_recall_por_clase(confusion):
    aciertos = confusion.diag().float()
    precision = aciertos / confusion.sum(dim=1).clamp(min=1)
    recall = aciertos / confusion.sum(dim=0).clamp(min=1)
    return precision, recall
