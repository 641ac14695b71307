def diagnosticar(train, val):
    i = min(range(len(val)), key=val.__getitem__)        # primera época con la mínima validación
    subida = (val[-1] - val[i]) / val[i]
    if subida > 0.10:
        if train[-1] < train[i]:
            return "sobreajuste"
        return "inestable"
    j = int(0.8 * len(val))
    mejora_reciente = (val[j] - val[-1]) / val[-1]
    if mejora_reciente > 0.02:
        return "entrenar_mas"
    return "estable"
