import torch


def elegir_configuracion(acc_val, acc_test):
    # TODO: (indice, estimacion)
    ...


torch.manual_seed(0)
acc_val = (torch.rand(50, 100) < 0.7).float().mean(dim=1)
acc_test = (torch.rand(50, 2000) < 0.7).float().mean(dim=1)
print(elegir_configuracion(acc_val, acc_test))
