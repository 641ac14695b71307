"""Entrena el modelo "preentrenado" de la unidad 11 y guarda sus pesos.

Un MLP pequeño (64 -> 128 -> 64 -> 10) entrenado SOLO con los dígitos 0-4 del
dataset digits de scikit-learn (píxeles divididos entre 16, desplazamientos
aleatorios de un píxel como aumento de datos). Las lecciones de transfer learning lo cargan con

    torch.load("assets/digits_mlp_0_4.pt", weights_only=True)

y lo reutilizan para los dígitos 5-9.

Uso (desde la carpeta que contiene assets/):
    python assets/train_pretrained.py

El resultado es reproducible en CPU: semillas fijas, entrenamiento determinista.
"""
import pathlib
import random

import numpy as np
import torch
from torch import nn
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEMILLA = 0
SALIDA = pathlib.Path(__file__).resolve().parent / "digits_mlp_0_4.pt"


class DigitsMLP(nn.Module):
    """Misma arquitectura que definen las lecciones (los nombres importan:
    las claves del state_dict son cuerpo.0.*, cuerpo.2.* y cabeza.*)."""

    def __init__(self, n_clases=10):
        super().__init__()
        self.cuerpo = nn.Sequential(
            nn.Linear(64, 128), nn.ReLU(),
            nn.Linear(128, 64), nn.ReLU(),
        )
        self.cabeza = nn.Linear(64, n_clases)

    def forward(self, x):
        return self.cabeza(self.cuerpo(x))


def main():
    random.seed(SEMILLA)
    np.random.seed(SEMILLA)
    torch.manual_seed(SEMILLA)
    torch.use_deterministic_algorithms(True)

    # Datos: dígitos 0-4, píxeles escalados a [0, 1] (preprocesado: X / 16)
    X, y = load_digits(return_X_y=True)
    mascara = y < 5
    X, y = X[mascara] / 16.0, y[mascara]
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=0)
    X_tr = torch.tensor(X_tr, dtype=torch.float32)
    X_te = torch.tensor(X_te, dtype=torch.float32)
    y_tr = torch.tensor(y_tr, dtype=torch.long)
    y_te = torch.tensor(y_te, dtype=torch.long)

    modelo = DigitsMLP()
    optimizador = torch.optim.Adam(modelo.parameters(), lr=1e-3)
    perdida_fn = nn.CrossEntropyLoss()
    generador = torch.Generator().manual_seed(SEMILLA)

    for epoca in range(60):
        modelo.train()
        orden = torch.randperm(len(X_tr), generator=generador)
        for i in range(0, len(X_tr), 32):
            idx = orden[i:i + 32]
            # Aumento de datos sencillo: desplazar el lote -1, 0 o +1 píxel
            # en cada eje, para que las características no dependan de la
            # posición exacta del trazo.
            dx, dy = torch.randint(-1, 2, (2,), generator=generador).tolist()
            xb = torch.roll(X_tr[idx].view(-1, 8, 8), (dx, dy), (1, 2)).reshape(-1, 64)
            optimizador.zero_grad()
            perdida = perdida_fn(modelo(xb), y_tr[idx])
            perdida.backward()
            optimizador.step()
        if (epoca + 1) % 20 == 0:
            modelo.eval()
            with torch.no_grad():
                acc = (modelo(X_te).argmax(1) == y_te).float().mean().item()
            print(f"época {epoca + 1:2d}  pérdida {perdida.item():.4f}  acc test (0-4) {acc:.3f}")

    torch.save(modelo.state_dict(), SALIDA)
    print(f"Guardado {SALIDA.name} ({SALIDA.stat().st_size / 1024:.1f} KB)")


if __name__ == "__main__":
    main()
