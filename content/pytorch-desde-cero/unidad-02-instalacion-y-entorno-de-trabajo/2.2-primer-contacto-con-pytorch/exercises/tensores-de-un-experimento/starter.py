import torch


def desde_lista(datos):
    # Devuelve un tensor float32 con los valores de `datos`
    ...


def eje_x(inicio, fin, n):
    # n valores entre inicio y fin (ambos incluidos), con forma (n, 1)
    ...


def pesos_iniciales(n_entradas, n_salidas, semilla):
    # TODO: fija la semilla y genera los pesos
    ...


print(desde_lista([[1, 2, 3], [4, 5, 6]]))
print(eje_x(-1.0, 1.0, 5))
print(pesos_iniciales(3, 2, semilla=0))
