import torch


def matriz_confusion(y_true, y_pred, num_clases):
    # Filas: clase real. Columnas: clase predicha.
    ...


def precision_recall_por_clase(confusion):
    ...


y_true = torch.tensor([0, 0, 1, 1, 2, 2, 2])
y_pred = torch.tensor([0, 1, 1, 1, 2, 0, 2])
confusion = matriz_confusion(y_true, y_pred, 3)
print(confusion)
print(precision_recall_por_clase(confusion))
