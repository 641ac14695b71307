import torch
from torch import nn

torch.manual_seed(0)
modelo = nn.Sequential(
    nn.Flatten(),                  # (N, 3, 8, 8) -> (N, 192)
    nn.Linear(3 * 8 * 8, 16),
    nn.ReLU(),
    nn.Linear(16, 1),              # (N, 1): un logit por imagen
)


def predecir_lote(x):
    # TODO: (N, 3, 8, 8) -> (N,)
    ...


def predecir_una(imagen):
    # TODO: (3, 8, 8) -> ()
    ...


print(predecir_lote(torch.randn(4, 3, 8, 8)).shape)      # torch.Size([4])
print(predecir_lote(torch.randn(1, 3, 8, 8)).shape)      # torch.Size([1])
print(predecir_una(torch.randn(3, 8, 8)).shape)          # torch.Size([])
