import torch

B1, B2, EPS = 0.9, 0.999, 1e-8


def paso_adamw(w, g, m, v, t, lr, weight_decay):
    m = B1 * m + (1 - B1) * g
    v = B2 * v + (1 - B2) * g ** 2
    m_hat = m
    v_hat = v
    w = w * (1 - lr * weight_decay) - lr * m_hat / (v_hat.sqrt() + EPS)
    return w, m, v
