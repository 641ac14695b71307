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
    # TODO: bucle de épocas con early stopping, restauración del mejor estado y exactitud en test
    acc_test = 0.0
    return modelo, historial, acc_test


def matriz_confusion(y_real, y_pred, n_clases=10):
    # TODO: filas = clase real, columnas = predicción
    ...


def dibujar_confusion(confusion):
    fig, ax = plt.subplots(figsize=(5, 5))
    # TODO: dibuja la matriz (imshow) con sus etiquetas
    return fig


if __name__ == "__main__":
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    X, y = load_digits(return_X_y=True)
    X_tmp, X_te, y_tmp, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tmp, y_tmp, test_size=0.2, stratify=y_tmp, random_state=42)
    escalador = StandardScaler().fit(X_tr)
    a_tensor = lambda A: torch.tensor(escalador.transform(A), dtype=torch.float32)
    modelo, historial, acc = entrenar_y_evaluar(a_tensor(X_tr), torch.tensor(y_tr), a_tensor(X_va),
                                                torch.tensor(y_va), a_tensor(X_te), torch.tensor(y_te))
    print(f"Épocas: {len(historial['val'])} | exactitud en test: {acc:.3f}")
