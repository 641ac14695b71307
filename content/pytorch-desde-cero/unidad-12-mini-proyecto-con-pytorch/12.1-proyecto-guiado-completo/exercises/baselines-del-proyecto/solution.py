import torch
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression


def baseline_mayoritaria(y_train, y_eval):
    clase = torch.bincount(y_train).argmax()
    return (y_eval == clase).float().mean().item()


def baseline_logistica(X_train, y_train, X_eval, y_eval):
    modelo = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    modelo.fit(X_train.numpy(), y_train.numpy())
    return float(modelo.score(X_eval.numpy(), y_eval.numpy()))
