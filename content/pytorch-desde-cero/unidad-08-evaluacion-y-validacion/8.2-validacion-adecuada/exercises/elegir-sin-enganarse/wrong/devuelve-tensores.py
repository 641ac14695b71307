import torch


def elegir_configuracion(acc_val, acc_test):
    indice = acc_val.argmax()
    return indice, acc_test[indice]
