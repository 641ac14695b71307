import torch

UMBRALES = [round(0.05 * k, 2) for k in range(1, 20)]


def linea_base(y):
    # TODO: exactitud de responder siempre la clase más frecuente
    ...


def elegir_umbral(prob_val, y_val, recall_minimo):
    # TODO: el umbral de UMBRALES que cumple el recall mínimo con menos falsas alarmas
    ...


torch.manual_seed(0)
y_val = (torch.rand(500) < 0.08).long()
prob_val = torch.sigmoid(3.0 * y_val - 2.5 + torch.randn(500))
print(linea_base(y_val))
print(elegir_umbral(prob_val, y_val, recall_minimo=0.9))
