def datos():
    d = random.randint(3, 6)
    n_tr, n_va = random.randint(30, 80), random.randint(15, 40)
    escala, centro = torch.rand(d) * 8 + 1, torch.randn(d) * 10
    X_tr = torch.randn(n_tr, d) * escala + centro
    X_va = torch.randn(n_va, d) * escala * 1.5 + centro + 3 * escala     # validación desplazada
    return X_tr, torch.randint(0, 3, (n_tr,)), X_va, torch.randint(0, 3, (n_va,))


def preparar(student, X_tr, y_tr, X_va, y_va):
    out = student.call("resultado_preparar", X_tr, y_tr, X_va, y_va)
    expect(isinstance(out, tuple) and len(out) == 4,
           "La función de apoyo resultado_preparar no devuelve lo esperado: no la modifiques.")
    (xs_tr, ys_tr), (xs_va, ys_va), media, desv = out
    return xs_tr, ys_tr, xs_va, ys_va, media, desv


@check("Estandarizar transforma un ejemplo y un lote con la media y la desviación de ajuste", points=2)
def transforma(student, reference):
    X_tr, _, X_va, _ = datos()
    esperado = reference.Estandarizar(X_tr)
    lote = student.call("aplicar_estandarizar", X_tr, X_va)
    expect_shape(lote, tuple(X_va.shape), "Estandarizar(X_tr)(lote)")
    expect_close(lote, esperado(X_va), "Estandarizar(X_tr)(lote)", rtol=1e-4, atol=1e-4)
    uno = student.call("aplicar_estandarizar", X_tr, X_va[0])
    expect_shape(uno, (X_va.shape[1],), "Estandarizar(X_tr)(x)")
    expect_close(uno, esperado(X_va[0]), "Estandarizar(X_tr)(x)", rtol=1e-4, atol=1e-4)


@check("una columna constante no produce nan ni inf", points=2)
def columna_constante(student, reference):
    X_tr, _, X_va, _ = datos()
    X_tr[:, 0] = 3.0                                 # columna constante: desviación 0
    out = student.call("aplicar_estandarizar", X_tr, X_tr)
    expect_shape(out, tuple(X_tr.shape), "Estandarizar(X_tr)(X_tr)")
    expect_finite(out, "Estandarizar(X_tr)(X_tr) con una columna constante")


@check("la transformación se ajusta solo con el conjunto de entrenamiento", points=2)
def ajuste(student, reference):
    X_tr, y_tr, X_va, y_va = datos()
    *_, media, desv = preparar(student, X_tr, y_tr, X_va, y_va)
    expect_shape(media, (X_tr.shape[1],), "transformacion.media")
    todo = torch.cat([X_tr, X_va])
    if torch.allclose(media, todo.mean(dim=0), rtol=1e-4, atol=1e-4):
        expect(False, "La media incluye los datos de validación: eso es una fuga de datos. "
                      "Ajusta la transformación solo con X_tr.")
    expect_close(media, X_tr.mean(dim=0), "transformacion.media", rtol=1e-4, atol=1e-4)
    expect_close(desv, X_tr.std(dim=0), "transformacion.desv", rtol=1e-4, atol=1e-4)


@check("los dos Datasets devuelven los ejemplos estandarizados una sola vez", points=2)
def datasets(student, reference):
    X_tr, y_tr, X_va, y_va = datos()
    xs_tr, _, xs_va, _, _, _ = preparar(student, X_tr, y_tr, X_va, y_va)
    media, desv = X_tr.mean(dim=0), X_tr.std(dim=0)
    expect_shape(xs_tr, tuple(X_tr.shape), "los ejemplos de train_ds apilados")
    expect_shape(xs_va, tuple(X_va.shape), "los ejemplos de val_ds apilados")
    expect_close(xs_tr, (X_tr - media) / desv, "los ejemplos de train_ds", rtol=1e-4, atol=1e-4)
    expect_close(xs_va, (X_va - media) / desv, "los ejemplos de val_ds (con las estadísticas de train)",
                 rtol=1e-4, atol=1e-4)


@check("los Datasets tienen la longitud correcta y etiquetas long", points=2)
def etiquetas(student, reference):
    X_tr, y_tr, X_va, y_va = datos()
    xs_tr, ys_tr, xs_va, ys_va, _, _ = preparar(student, X_tr, y_tr, X_va, y_va)
    expect_shape(ys_tr, (len(X_tr),), "las etiquetas de train_ds apiladas")
    expect_shape(ys_va, (len(X_va),), "las etiquetas de val_ds apiladas")
    expect_dtype(ys_tr, torch.long, "las etiquetas de train_ds")
    expect_dtype(xs_tr, torch.float32, "los ejemplos de train_ds")
    expect(torch.equal(ys_tr, y_tr) and torch.equal(ys_va, y_va),
           "Las etiquetas de los Datasets no corresponden a las de los datos de entrada.")
