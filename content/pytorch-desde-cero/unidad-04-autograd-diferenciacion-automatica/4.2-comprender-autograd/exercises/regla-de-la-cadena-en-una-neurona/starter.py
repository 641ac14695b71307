import torch


def gradientes_a_mano(x, w, b, t):
    z = w @ x + b
    a = torch.sigmoid(z)
    # TODO: aplica la regla de la cadena paso a paso (dL/da, da/dz, dz/dw, dz/db)
    ...


def gradientes_autograd(x, w, b, t):
    # TODO: el mismo cálculo con requires_grad y backward()
    ...


x = torch.tensor([1.0, 2.0])
w = torch.tensor([0.75, -0.5])
b = torch.tensor(0.25)
print(gradientes_a_mano(x, w, b, 1.0))      # debería dar ([-0.25, -0.5], -0.25)
print(gradientes_autograd(x, w, b, 1.0))
