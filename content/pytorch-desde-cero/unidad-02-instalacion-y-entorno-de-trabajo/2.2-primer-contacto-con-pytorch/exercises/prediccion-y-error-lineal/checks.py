def lote():
    n, d = random.randint(6, 20), random.randint(2, 5)
    X = torch.randn(n, d)
    w = torch.randn(d, 1)
    b = round(random.uniform(-3, 3), 3)
    return X, w, b


@check("predecir devuelve una predicción por ejemplo con forma (N, 1)", points=2)
def forma(student, reference):
    X, w, b = lote()
    expect_shape(student.call("predecir", X, w, b), (X.shape[0], 1), "predecir(X, w, b)")


@check("predecir calcula X·w + b", points=3)
def valores(student, reference):
    for _ in range(3):
        X, w, b = lote()
        out = student.call("predecir", X, w, b)
        expect_close(out, reference.predecir(X, w, b), "predecir(X, w, b)")


@check("error_cuadratico_medio devuelve un escalar con el valor correcto", points=3)
def mse(student, reference):
    for _ in range(3):
        n = random.randint(6, 40)
        pred, y = torch.randn(n, 1) * 3, torch.randn(n, 1) * 3
        out = student.call("error_cuadratico_medio", pred, y)
        expect_shape(out, (), "error_cuadratico_medio(pred, y)")
        expect_close(out, reference.error_cuadratico_medio(pred, y), "error_cuadratico_medio(pred, y)")


@check("el error de unas predicciones perfectas es 0 y crece con la distancia", points=2)
def cero(student, reference):
    X, w, b = lote()
    y = reference.predecir(X, w, b)
    perfecto = expect_number(student.call("error_cuadratico_medio", y.clone(), y), "el error de predicciones perfectas")
    expect(abs(perfecto) < 1e-6, f"Con pred == y el error debería ser 0, pero es {perfecto:.4g}.")
    desplazado = expect_number(student.call("error_cuadratico_medio", y + 2.0, y), "el error con pred = y + 2")
    expect(abs(desplazado - 4.0) < 1e-4,
           f"Si todas las predicciones se pasan en 2 unidades, el error cuadrático medio debería ser 4, "
           f"pero es {desplazado:.4g}.")
