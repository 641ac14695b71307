import torch


def matriz_confusion(y_true, y_pred, num_clases):
    codigos = y_true * num_clases + y_pred
    return torch.bincount(codigos, minlength=num_clases * num_clases).reshape(num_clases, num_clases)


def precision_recall_por_clase(confusion):
    aciertos = confusion.diag().float()
    precision = aciertos / confusion.sum(dim=0)
    recall = aciertos / confusion.sum(dim=1)
    return precision, recall
