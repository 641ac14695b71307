def diagnosticar(train, val):
    subida = (val[-1] - val[0]) / val[0]
    if subida > 0.10:
        if train[-1] < train[0]:
            return "sobreajuste"
        return "inestable"
    j = int(0.8 * len(val))
    mejora_reciente = (val[j] - val[-1]) / val[-1]
    if mejora_reciente > 0.02:
        return "entrenar_mas"
    return "estable"
