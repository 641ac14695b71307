import torch
from torch import nn


class Clasificador(nn.Module):
    def __init__(self):
        super().__init__()
        self.red = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 3))

    def forward(self, x):
        return self.red(x)

    def predecir(self, x):
        self.eval()
        with torch.no_grad():
            probabilidades = torch.softmax(self(x), dim=1)
        self.train()
        return probabilidades


modelo = Clasificador()
