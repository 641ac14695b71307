import torch


def analizar_confusion(confusion):
    confusion = torch.as_tensor(confusion)
    k = confusion.shape[0]
    exactitud_por_clase = confusion.diag().double() / confusion.sum(dim=0).double()
    errores = confusion.clone().double()
    errores.fill_diagonal_(-1)
    real, predicha = divmod(int(errores.argmax()), k)
    return (real, predicha), exactitud_por_clase.float()
