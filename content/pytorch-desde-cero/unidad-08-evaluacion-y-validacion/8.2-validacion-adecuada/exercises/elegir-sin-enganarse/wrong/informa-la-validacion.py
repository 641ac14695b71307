import torch


def elegir_configuracion(acc_val, acc_test):
    indice = int(acc_val.argmax())
    return indice, acc_val[indice].item()
