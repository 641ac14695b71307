import torch
from torch import nn


class DigitsMLP(nn.Module):
    def __init__(self, n_clases=10):
        super().__init__()
        self.cuerpo = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU())
        self.cabeza = nn.Linear(64, n_clases)

    def forward(self, x):
        return self.cabeza(self.cuerpo(x))


def cargar_modelo():
    modelo = DigitsMLP()
    modelo.load_state_dict(torch.load("assets/digits_mlp_0_4.pt", map_location="cpu", weights_only=False))
    modelo.eval()
    return modelo


def predecir(X_crudo, umbral=0.9):
    modelo = cargar_modelo()
    with torch.no_grad():
        probs = torch.softmax(modelo(X_crudo / 16), dim=1)
    confianza, clase = probs[:, :5].max(dim=1)
    return torch.where(confianza >= umbral, clase, torch.full_like(clase, -1))
