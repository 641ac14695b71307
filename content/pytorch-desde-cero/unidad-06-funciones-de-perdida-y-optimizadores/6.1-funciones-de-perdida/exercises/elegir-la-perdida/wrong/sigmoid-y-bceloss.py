import torch
from torch import nn


def perdida_para(tarea, salida, objetivo):
    if tarea == "regresion":
        return nn.MSELoss()(salida.squeeze(1), objetivo)
    if tarea == "binaria":
        return nn.BCELoss()(torch.sigmoid(salida.squeeze(1)), objetivo.float())
    if tarea == "multiclase":
        return nn.CrossEntropyLoss()(salida, objetivo)
    if tarea == "multietiqueta":
        return nn.BCELoss()(torch.sigmoid(salida), objetivo)
    raise ValueError(f"tarea desconocida: {tarea}")
