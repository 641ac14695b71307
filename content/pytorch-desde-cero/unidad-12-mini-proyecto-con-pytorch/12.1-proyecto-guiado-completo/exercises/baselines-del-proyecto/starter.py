import torch
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression


def baseline_mayoritaria(y_train, y_eval):
    # TODO: clase más frecuente en entrenamiento y su exactitud en evaluación
    ...


def baseline_logistica(X_train, y_train, X_eval, y_eval):
    # TODO: ajusta el pipeline con entrenamiento y mide la exactitud en evaluación
    ...


y_train = torch.tensor([0, 1, 1, 2, 1, 0])
y_eval = torch.tensor([1, 2, 2, 0])
print(baseline_mayoritaria(y_train, y_eval))   # debería ser 0.25
