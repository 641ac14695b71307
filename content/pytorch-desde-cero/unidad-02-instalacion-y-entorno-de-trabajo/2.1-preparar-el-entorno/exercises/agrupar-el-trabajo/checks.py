import ast


def bucles_en(source, funcion):
    for nodo in ast.walk(source.tree):
        if isinstance(nodo, ast.FunctionDef) and nodo.name == funcion:
            return any(isinstance(n, (ast.For, ast.While, ast.ListComp, ast.GeneratorExp)) for n in ast.walk(nodo))
    return False


@check("elegir_dispositivo usa el acelerador que haya y, si no, la CPU", points=3)
def dispositivo(student, reference):
    casos = [(True, False), (False, True), (False, False), (True, True)]
    random.shuffle(casos)
    for cuda, mps in casos:
        out = student.call("elegir_dispositivo", cuda, mps)
        esperado = reference.elegir_dispositivo(cuda, mps)
        expect(out == esperado, f"elegir_dispositivo(cuda_disponible={cuda}, mps_disponible={mps}) devolvió "
                                f"{out!r}, se esperaba {esperado!r}.")


@check("productos_de_golpe da un producto escalar por fila", points=3)
def productos(student, reference):
    for _ in range(2):
        n, d = random.randint(20, 300), random.randint(3, 64)
        x, w = torch.randn(n, d), torch.randn(d)
        out = student.call("productos_de_golpe", x, w)
        expect_shape(out, (n,), "productos_de_golpe(x, w)")
        expect_close(out, x @ w, "productos_de_golpe(x, w)", rtol=1e-4, atol=1e-4)


@check("productos_de_golpe lo hace en una operación, sin recorrer las filas", points=2)
def sin_bucles(student, reference):
    expect(not bucles_en(student.source, "productos_de_golpe"),
           "productos_de_golpe recorre las filas con un bucle: es justo lo que hace lento el código (una "
           "operación pequeña por fila). Pide el resultado completo con una sola operación.")


@check("gflops devuelve un número de Python con el rendimiento correcto", points=2)
def rendimiento(student, reference):
    for _ in range(3):
        n, k, m = random.randint(16, 2048), random.randint(16, 2048), random.randint(16, 2048)
        segundos = random.uniform(1e-4, 0.5)
        out = expect_plain_number(student.call("gflops", n, k, m, segundos), f"gflops({n}, {k}, {m}, {segundos:.4g})")
        esperado = 2 * n * k * m / segundos / 1e9
        expect(abs(out - esperado) <= 1e-6 * esperado,
               f"gflops({n}, {k}, {m}, {segundos:.4g}) devolvió {out:.4g}, se esperaba {esperado:.4g}: una "
               f"multiplicación (n, k) @ (k, m) hace unas 2·n·k·m operaciones.")
