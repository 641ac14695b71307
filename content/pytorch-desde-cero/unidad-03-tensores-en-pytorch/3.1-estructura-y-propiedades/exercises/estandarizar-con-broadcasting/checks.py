def matriz():
    n, f = random.randint(6, 15), random.randint(2, 5)
    escalas = torch.rand(f) * 20 + 0.5
    return torch.randn(n, f) * escalas + torch.randn(f) * 10


@check("estandarizar deja cada columna con media 0 y desviación 1", points=3)
def columnas(student, reference):
    for _ in range(2):
        X = matriz()
        out = student.call("estandarizar", X)
        expect_shape(out, tuple(X.shape), "estandarizar(X)")
        expect_close(out, reference.estandarizar(X), "estandarizar(X)", rtol=1e-4, atol=1e-4)


@check("centrar_filas resta a cada fila su propia media", points=3)
def filas(student, reference):
    for _ in range(2):
        X = matriz()
        out = student.call("centrar_filas", X)
        expect_shape(out, tuple(X.shape), "centrar_filas(X)")
        expect_close(out, reference.centrar_filas(X), "centrar_filas(X)", rtol=1e-4, atol=1e-4)


@check("error_cuadratico compara cada predicción solo con su objetivo", points=4)
def error(student, reference):
    for _ in range(3):
        n = random.randint(5, 30)
        pred, y = torch.randn(n, 1), torch.randn(n)
        out = student.call("error_cuadratico", pred, y)
        expect_shape(out, (), "error_cuadratico(pred, y)")
        expect_close(out, reference.error_cuadratico(pred, y), "error_cuadratico(pred, y)")
    y = torch.randn(n)
    perfecto = expect_number(student.call("error_cuadratico", y.unsqueeze(1), y),
                             "el error de unas predicciones perfectas")
    expect(abs(perfecto) < 1e-6,
           f"Si cada predicción coincide con su objetivo el error debería ser 0, pero es {perfecto:.4g}.")
