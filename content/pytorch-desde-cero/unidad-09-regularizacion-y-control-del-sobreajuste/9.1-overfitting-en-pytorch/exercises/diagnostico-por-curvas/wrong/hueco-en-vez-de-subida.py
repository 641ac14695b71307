def diagnosticar(train, val):
    hueco = (val[-1] - train[-1]) / train[-1]
    if hueco > 0.10:
        return "sobreajuste"
    i = min(range(len(val)), key=val.__getitem__)
    if (val[-1] - val[i]) / val[i] > 0.10:
        return "inestable"
    j = int(0.8 * len(val))
    if (val[j] - val[-1]) / val[-1] > 0.02:
        return "entrenar_mas"
    return "estable"
