import copy
import torch
from torch import nn
from torch.utils.data import TensorDataset, DataLoader
import matplotlib.pyplot as plt


class ClasificadorDigitos(nn.Module):
    def __init__(self, p_dropout=0.2):
        super().__init__()
        self.red = nn.Sequential(
            nn.Linear(64, 128), nn.ReLU(), nn.Dropout(p_dropout),
            nn.Linear(128, 64), nn.ReLU(), nn.Dropout(p_dropout),
            nn.Linear(64, 10),
        )

    def forward(self, x):
        return self.red(x)


def entrenar_y_evaluar(X_train, y_train, X_val, y_val, X_test, y_test, max_epocas=60, paciencia=5):
    modelo = ClasificadorDigitos()
    optimizador = torch.optim.Adam(modelo.parameters(), lr=2e-3)
    perdida_fn = nn.CrossEntropyLoss()
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=128, shuffle=True)
    historial = {"train": [], "val": []}
    mejor_val, mejor_estado, sin_mejora = float("inf"), None, 0
    for _ in range(max_epocas):
        modelo.train()
        total = 0.0
        for xb, yb in loader:
            optimizador.zero_grad()
            perdida = perdida_fn(modelo(xb), yb)
            perdida.backward()
            optimizador.step()
            total += perdida.item() * len(xb)
        historial["train"].append(total / len(X_train))
        modelo.eval()
        with torch.no_grad():
            perdida_val = perdida_fn(modelo(X_val), y_val).item()
        historial["val"].append(perdida_val)
        if perdida_val < mejor_val:
            mejor_val, mejor_estado, sin_mejora = perdida_val, copy.deepcopy(modelo.state_dict()), 0
        else:
            sin_mejora += 1
            if sin_mejora == paciencia:
                break
    modelo.load_state_dict(mejor_estado)
    modelo.eval()
    with torch.no_grad():
        acc_test = (modelo(X_test).argmax(dim=1) == y_test).float().mean()
    return modelo, historial, acc_test


def matriz_confusion(y_real, y_pred, n_clases=10):
    return torch.bincount(y_real * n_clases + y_pred, minlength=n_clases * n_clases).reshape(n_clases, n_clases)


def dibujar_confusion(confusion):
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.imshow(confusion, cmap="Blues")
    n = confusion.shape[0]
    for i in range(n):
        for j in range(n):
            valor = int(confusion[i, j])
            if valor:
                ax.text(j, i, valor, ha="center", va="center", fontsize=8,
                        color="white" if valor > confusion.max() / 2 else "black")
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel("predicción")
    ax.set_ylabel("clase real")
    ax.set_title("Matriz de confusión")
    return fig
