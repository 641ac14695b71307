import ast


def tiene_bucles(source, funcion):
    """True si la función, tal como se escribió, recorre datos con for, while o una comprensión."""
    for nodo in ast.walk(source.tree):
        if isinstance(nodo, ast.FunctionDef) and nodo.name == funcion:
            return any(isinstance(n, (ast.For, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
                       for n in ast.walk(nodo))
    return False


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


@check("error_cuadratico compara cada predicción solo con su objetivo", points=3)
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


@check("sin bucles de Python: el broadcasting hace el trabajo", points=1)
def sin_bucles(student, reference):
    for nombre in ("estandarizar", "centrar_filas", "error_cuadratico"):
        expect(not tiene_bucles(student.source, nombre),
               f"{nombre} recorre columnas o filas con un bucle de Python; el ejercicio pide apoyarse en el "
               f"broadcasting (reducciones con keepdim y operaciones entre formas compatibles).")
