import torch


def punto_fijo(x, W, tol, max_pasos):
    x = x.clone().requires_grad_(True)
    z = torch.zeros_like(x)
    pasos = 0
    while pasos < max_pasos:
        nuevo = torch.tanh(W @ z + x)
        pasos += 1
        cambio = (nuevo - z).abs().max().item()
        z = nuevo
        if cambio < tol:
            break
    z.sum().backward()
    return z.detach(), pasos, x.grad


def gradiente_oculta(x, W1, W2):
    W1 = W1.clone().requires_grad_(True)
    h = torch.relu(x @ W1)
    h.retain_grad()
    L = ((h @ W2) ** 2).mean()
    L.backward()
    return h.grad, W1.grad
