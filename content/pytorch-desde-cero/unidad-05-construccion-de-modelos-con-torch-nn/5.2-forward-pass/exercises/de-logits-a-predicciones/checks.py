def logits_multiclase(escala=2.0):
    n, c = random.sample(range(2, 9), 2)      # N distinto de C
    return torch.randn(n, c) * escala


@check("probabilidades devuelve una distribución por fila", points=3)
def distribucion_por_fila(student, reference):
    logits = logits_multiclase()
    probs = student.call("probabilidades", logits)
    expect_shape(probs, tuple(logits.shape), "probabilidades(logits)")
    expect_finite(probs, "probabilidades(logits)")
    expect(bool((probs >= 0).all()) and bool((probs <= 1).all()),
           "Hay probabilidades fuera del intervalo [0, 1]: ¿aplicas una función que convierta logits en probabilidades?")
    expect_close(probs.sum(dim=1), torch.ones(logits.shape[0]), "la suma de cada fila", rtol=1e-4, atol=1e-4)
    expect_close(probs, reference.probabilidades(logits), "probabilidades(logits)", rtol=1e-4, atol=1e-6)


@check("probabilidades funciona con logits muy grandes", points=1)
def logits_grandes(student, reference):
    logits = logits_multiclase(escala=60.0)
    logits[0, 0] = 120.0
    probs = student.call("probabilidades", logits)
    expect_shape(probs, tuple(logits.shape), "probabilidades(logits)")
    expect(bool(torch.isfinite(probs).all()),
           "Con logits grandes (como 120) tus probabilidades contienen NaN o infinito: "
           "calcular la exponencial a mano desborda en float32.")
    expect_close(probs, reference.probabilidades(logits), "probabilidades(logits)", rtol=1e-4, atol=1e-6)


@check("predecir_clase devuelve la clase más probable y su confianza", points=3)
def clase_y_confianza(student, reference):
    logits = logits_multiclase()
    resultado = student.call("predecir_clase", logits)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "predecir_clase debe devolver una tupla (clases, confianza).")
    clases, confianza = resultado
    n = logits.shape[0]
    esperadas, confianza_esperada = reference.predecir_clase(logits)
    expect_shape(clases, (n,), "clases")
    expect_dtype(clases, torch.long, "clases")
    expect(torch.equal(clases, esperadas),
           "`clases` no contiene la clase con mayor puntuación de cada ejemplo. ¿Buscas el máximo en la dimensión correcta?")
    expect_shape(confianza, (n,), "confianza")
    expect_close(confianza, confianza_esperada, "confianza", rtol=1e-4, atol=1e-6)


@check("predecir_binaria usa el umbral de probabilidad 0.5", points=3)
def binaria(student, reference):
    n = random.randint(6, 12)
    logits = torch.randn(n, 1) * 2
    logits[0, 0] = random.uniform(0.05, 0.45)     # probabilidad entre 0.51 y 0.61
    logits[1, 0] = -random.uniform(0.05, 0.45)
    logits = logits[torch.randperm(n)]
    pred = student.call("predecir_binaria", logits)
    expect_shape(pred, (n,), "predecir_binaria(logits)")
    expect_dtype(pred, torch.long, "predecir_binaria(logits)")
    expect(torch.equal(pred, reference.predecir_binaria(logits)),
           "predecir_binaria se equivoca en algunos ejemplos: revisa con qué comparas el umbral de 0.5.")
