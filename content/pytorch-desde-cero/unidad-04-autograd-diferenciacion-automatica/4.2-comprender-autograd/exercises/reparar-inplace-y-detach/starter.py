import torch


def gradiente_salida_escalada(x, w):
    w = w.clone().requires_grad_(True)
    h = torch.sigmoid(x @ w)
    h.mul_(2)                       # escala la salida al intervalo (0, 2)
    perdida = ((h - 1) ** 2).mean()
    perdida.backward()              # TODO: aquí salta un RuntimeError; corrige la causa
    return w.grad.detach()


def gradiente_objetivo_fijo(x, x_siguiente, r, w):
    w = w.clone().requires_grad_(True)
    pred = x @ w
    objetivo = r + 0.9 * (x_siguiente @ w)   # TODO: el objetivo debe ser una constante
    perdida = ((pred - objetivo) ** 2).mean()
    perdida.backward()
    return w.grad.detach()


torch.manual_seed(0)
x, x_siguiente = torch.randn(8, 3), torch.randn(8, 3)
r, w = torch.randn(8), torch.randn(3)
print(gradiente_objetivo_fijo(x, x_siguiente, r, w))
print(gradiente_salida_escalada(x, w))
