import torch

B1, B2, EPS = 0.9, 0.999, 1e-8


def paso_adamw(w, g, m, v, t, lr, weight_decay):
    # TODO: devuelve (w_nuevo, m_nuevo, v_nuevo)
    ...


w = torch.tensor([10.0, 0.01])
m, v = torch.zeros(2), torch.zeros(2)
for t in range(1, 4):
    g = torch.tensor([0.5, -0.002])
    w, m, v = paso_adamw(w, g, m, v, t, lr=0.01, weight_decay=0.1)
    print(t, w)
