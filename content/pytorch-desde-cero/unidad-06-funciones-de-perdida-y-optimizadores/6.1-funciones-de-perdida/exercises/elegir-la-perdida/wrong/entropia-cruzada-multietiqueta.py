import torch
from torch import nn


def perdida_para(tarea, salida, objetivo):
    if tarea == "regresion":
        return nn.MSELoss()(salida.squeeze(1), objetivo)
    if tarea == "binaria":
        return nn.BCEWithLogitsLoss()(salida.squeeze(1), objetivo.float())
    if tarea == "multiclase":
        return nn.CrossEntropyLoss()(salida, objetivo)
    if tarea == "multietiqueta":
        return nn.CrossEntropyLoss()(salida, objetivo)
    raise ValueError(f"tarea desconocida: {tarea}")
