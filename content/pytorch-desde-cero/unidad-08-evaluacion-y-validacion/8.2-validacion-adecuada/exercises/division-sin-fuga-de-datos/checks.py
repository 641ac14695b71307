def datos():
    n, d = random.randint(60, 200), random.randint(2, 6)
    X = torch.randn(n, d) * (torch.rand(d) * 5 + 0.5) + torch.randn(d) * 10
    atipicos = torch.randperm(n)[: max(3, n // 15)]
    X[atipicos] = X[atipicos] * 8 + 30          # filas con valores atípicos
    y = torch.randint(0, 3, (n,))
    frac = random.choice([0.2, 0.25, 0.3])
    return X, y, frac, random.randint(0, 10_000)


def resultado(student, X, y, frac, semilla):
    out = student.call("dividir_y_estandarizar", X, y, frac, semilla)
    expect(isinstance(out, tuple) and len(out) == 6,
           "dividir_y_estandarizar debe devolver una tupla (X_tr, y_tr, X_va, y_va, media, desv).")
    return out


@check("los conjuntos y las estadísticas tienen el tamaño correcto", points=2)
def tamanos(student, reference):
    X, y, frac, semilla = datos()
    n, d = X.shape
    n_val = int(frac * n)
    X_tr, y_tr, X_va, y_va, media, desv = resultado(student, X, y, frac, semilla)
    expect_shape(X_tr, (n - n_val, d), "X_tr")
    expect_shape(y_tr, (n - n_val,), "y_tr")
    expect_shape(X_va, (n_val, d), "X_va")
    expect_shape(y_va, (n_val,), "y_va")
    expect_shape(media, (d,), "media")
    expect_shape(desv, (d,), "desv")


@check("la división es la indicada por la semilla", points=2)
def division(student, reference):
    X, y, frac, semilla = datos()
    y = torch.arange(len(X))                      # etiquetas únicas para identificar cada fila
    _, y_tr, _, y_va, _, _ = resultado(student, X, y, frac, semilla)
    _, ref_y_tr, _, ref_y_va, _, _ = reference.dividir_y_estandarizar(X, y, frac, semilla)
    expect_shape(y_tr, tuple(ref_y_tr.shape), "y_tr")
    expect(torch.equal(y_tr.long(), ref_y_tr) and torch.equal(y_va.long(), ref_y_va),
           "Las filas de entrenamiento y validación no son las esperadas: usa la permutación con el "
           "Generator de la semilla y toma los primeros N - n_val índices para entrenamiento.")


@check("la media y la desviación salen solo del conjunto de entrenamiento", points=3)
def estadisticas(student, reference):
    X, y, frac, semilla = datos()
    _, _, _, _, media, desv = resultado(student, X, y, frac, semilla)
    _, _, _, _, ref_media, ref_desv = reference.dividir_y_estandarizar(X, y, frac, semilla)
    expect_shape(media, tuple(ref_media.shape), "media")
    if torch.allclose(media, X.mean(dim=0), rtol=1e-4, atol=1e-5):
        expect(False, "La media se ha calculado con todas las filas, incluidas las de validación: "
                      "eso es una fuga de datos.")
    expect_close(media, ref_media, "media")
    expect_close(desv, ref_desv, "desv")


@check("entrenamiento y validación se estandarizan con las estadísticas de entrenamiento", points=3)
def estandarizados(student, reference):
    X, y, frac, semilla = datos()
    X_tr, _, X_va, _, _, _ = resultado(student, X, y, frac, semilla)
    ref = reference.dividir_y_estandarizar(X, y, frac, semilla)
    expect_shape(X_tr, tuple(ref[0].shape), "X_tr")
    expect_shape(X_va, tuple(ref[2].shape), "X_va")
    expect_close(X_tr, ref[0], "X_tr estandarizado", rtol=1e-4, atol=1e-4)
    if torch.allclose(X_va.mean(dim=0), torch.zeros(X.shape[1]), atol=1e-4):
        expect(False, "X_va tiene media exactamente 0: parece estandarizado con sus propias estadísticas, "
                      "no con las de entrenamiento.")
    expect_close(X_va, ref[2], "X_va estandarizado", rtol=1e-4, atol=1e-4)
