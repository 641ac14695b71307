import torch


def softmax_estable(z, dim):
    # TODO: probabilidades a lo largo de dim, sin torch.softmax y sin desbordar
    ...


z = torch.tensor([[2.0, 1.0, 0.1],
                  [1000.0, 999.0, 998.0]])
print(softmax_estable(z, dim=1))
print(softmax_estable(z, dim=1).sum(dim=1))
