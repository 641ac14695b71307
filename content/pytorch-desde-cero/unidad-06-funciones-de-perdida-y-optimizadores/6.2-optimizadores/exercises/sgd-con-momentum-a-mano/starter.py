import torch


def paso_momentum(w, grad, velocidad, lr, momentum):
    # velocidad es None en el primer paso
    ...


def descenso_con_momentum(w0, X, y, lr, momentum, pasos):
    ...


w = torch.tensor([1.0, -2.0])
g = torch.tensor([0.5, 0.1])
print(paso_momentum(w, g, None, lr=0.1, momentum=0.9))

torch.manual_seed(0)
X, y = torch.randn(20, 2), torch.randn(20)
print(descenso_con_momentum(torch.zeros(2), X, y, lr=0.05, momentum=0.9, pasos=10))
