import torch
from torch import nn


def perdida_para(tarea, salida, objetivo):
    if tarea == "regresion":
        return nn.MSELoss()(salida, objetivo)
    if tarea == "binaria":
        return nn.BCEWithLogitsLoss()(salida.squeeze(1), objetivo.float())
    if tarea == "multiclase":
        return nn.CrossEntropyLoss()(salida, objetivo)
    if tarea == "multietiqueta":
        return nn.BCEWithLogitsLoss()(salida, objetivo)
    raise ValueError(f"tarea desconocida: {tarea}")
