def diagnosticar(train, val):
    # Devuelve "sobreajuste", "inestable", "entrenar_mas" o "estable"
    ...


train = [1.0, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1, 0.07, 0.05, 0.04]
val = [1.1, 0.7, 0.55, 0.5, 0.52, 0.56, 0.6, 0.63, 0.66, 0.7]
print(diagnosticar(train, val))   # "sobreajuste"
