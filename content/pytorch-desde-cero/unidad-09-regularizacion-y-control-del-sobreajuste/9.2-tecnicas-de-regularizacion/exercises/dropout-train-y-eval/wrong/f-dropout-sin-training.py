import torch
from torch import nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, entrada, oculta, salida, p=0.3):
        super().__init__()
        self.p = p
        self.fc1 = nn.Linear(entrada, oculta)
        self.fc2 = nn.Linear(oculta, oculta)
        self.fc3 = nn.Linear(oculta, salida)

    def forward(self, x):
        x = F.dropout(F.relu(self.fc1(x)), p=self.p)
        x = F.dropout(F.relu(self.fc2(x)), p=self.p)
        return self.fc3(x)


def predecir(x):
    modelo.eval()
    with torch.no_grad():
        return modelo(x)


modelo = MLP(10, 64, 3, p=0.3)
