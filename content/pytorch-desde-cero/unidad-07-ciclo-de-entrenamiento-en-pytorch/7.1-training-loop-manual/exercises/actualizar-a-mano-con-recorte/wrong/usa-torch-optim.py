import torch


def entrenar_a_mano(X, y, lr, epocas, max_norma):
    w = torch.zeros(X.shape[1], 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizador = torch.optim.SGD([w, b], lr=lr)
    perdidas = []
    for _ in range(epocas):
        perdida = ((X @ w + b - y) ** 2).mean()
        perdida.backward()
        torch.nn.utils.clip_grad_norm_([w, b], max_norma)
        optimizador.step()
        optimizador.zero_grad()
        perdidas.append(perdida.item())
    return w, b, perdidas
