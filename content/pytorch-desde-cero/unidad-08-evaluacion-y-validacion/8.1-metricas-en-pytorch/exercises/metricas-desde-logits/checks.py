from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

CLAVES = ("accuracy", "precision", "recall", "f1")


def datos(sin_predecir_ultima=False):
    n, c = random.randint(30, 120), random.randint(2, 5)
    y = torch.randint(0, c, (n,))
    logits = torch.randn(n, c) + 1.2 * torch.nn.functional.one_hot(y, c)
    if sin_predecir_ultima:
        logits[:, c - 1] = -10.0          # la última clase no se predice nunca
    return logits, y


def sklearn_metricas(logits, y):
    pred = logits.argmax(dim=1).numpy()
    real = y.numpy()
    clases = list(range(logits.shape[1]))
    kw = dict(labels=clases, average="macro", zero_division=0)
    return {
        "accuracy": accuracy_score(real, pred),
        "precision": precision_score(real, pred, **kw),
        "recall": recall_score(real, pred, **kw),
        "f1": f1_score(real, pred, **kw),
    }


def pedir_metricas(student, logits, y):
    out = student.call("metricas", logits, y)
    expect(isinstance(out, dict), f"metricas debe devolver un diccionario, pero devuelve {type(out).__name__}.")
    for clave in CLAVES:
        expect(clave in out, f"Falta la clave '{clave}' en el diccionario que devuelve metricas.")
    return {clave: expect_plain_number(out[clave], f"metricas(...)['{clave}']") for clave in CLAVES}


@check("predecir_clases devuelve una clase por ejemplo", points=2)
def clases(student, reference):
    logits, _ = datos()
    out = student.call("predecir_clases", logits)
    expect_shape(out, (logits.shape[0],), "predecir_clases(logits)")
    expect_close(out, reference.predecir_clases(logits), "predecir_clases(logits)")


@check("la accuracy coincide con scikit-learn", points=2)
def accuracy(student, reference):
    for _ in range(3):
        logits, y = datos()
        out = pedir_metricas(student, logits, y)
        esperado = sklearn_metricas(logits, y)
        expect(abs(out["accuracy"] - esperado["accuracy"]) < 1e-6,
               f"La accuracy vale {out['accuracy']:.4f}, pero con estos datos debería valer otra cosa. "
               "¿Divides bien el número de aciertos entre el total?")


@check("la precisión y el recall macro coinciden con scikit-learn", points=3)
def precision_recall(student, reference):
    for _ in range(3):
        logits, y = datos()
        out = pedir_metricas(student, logits, y)
        esperado = sklearn_metricas(logits, y)
        for clave, nombre in (("precision", "La precisión"), ("recall", "El recall")):
            expect(abs(out[clave] - esperado[clave]) < 1e-6,
                   f"{nombre} macro vale {out[clave]:.4f}, que no coincide con el valor esperado. "
                   "Revisa las cuentas por clase y la media de las C clases.")


@check("el F1 macro coincide con scikit-learn", points=2)
def f1(student, reference):
    for _ in range(3):
        logits, y = datos()
        out = pedir_metricas(student, logits, y)
        esperado = sklearn_metricas(logits, y)
        expect(abs(out["f1"] - esperado["f1"]) < 1e-6,
               f"El F1 macro vale {out['f1']:.4f}, que no coincide con el valor esperado. "
               "Calcula el F1 de cada clase con su precisión y su recall, y después promedia.")


@check("una clase que nunca se predice cuenta como 0 sin dar NaN", points=1)
def clase_sin_predicciones(student, reference):
    logits, y = datos(sin_predecir_ultima=True)
    out = pedir_metricas(student, logits, y)
    esperado = sklearn_metricas(logits, y)
    for clave in CLAVES:
        expect(abs(out[clave] - esperado[clave]) < 1e-6,
               f"Cuando una clase no se predice nunca, '{clave}' no tiene el valor esperado. "
               "Una métrica con denominador 0 debe contar como 0.0 en la media.")


@check("las métricas se calculan con tensores, sin scikit-learn", points=1)
def sin_sklearn(student, reference):
    expect_no_import(student.source, "sklearn",
                     "El ejercicio pide calcular las métricas con operaciones de tensores, y tu código importa "
                     "scikit-learn: aquí se trata de saber qué cuenta cada una.")
    logits, y = datos()
    out, ref = pedir_metricas(student, logits, y), sklearn_metricas(logits, y)
    for clave in CLAVES:
        expect(abs(out[clave] - ref[clave]) < 1e-4, f"metricas(...)['{clave}'] no tiene el valor esperado.")
