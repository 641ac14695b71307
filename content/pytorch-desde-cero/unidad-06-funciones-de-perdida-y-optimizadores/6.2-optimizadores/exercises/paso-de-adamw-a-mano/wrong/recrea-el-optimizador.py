import torch


def paso_adamw(w, g, m, v, t, lr, weight_decay):
    w = w.clone().requires_grad_(True)
    optimizador = torch.optim.AdamW([w], lr=lr, weight_decay=weight_decay)
    w.grad = g.clone()
    optimizador.step()
    estado = optimizador.state[w]
    return w.detach(), estado["exp_avg"], estado["exp_avg_sq"]
