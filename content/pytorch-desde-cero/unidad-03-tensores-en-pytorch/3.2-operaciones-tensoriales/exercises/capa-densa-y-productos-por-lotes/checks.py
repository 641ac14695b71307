import ast


def tiene_bucles(source, funcion):
    """True si la función, tal como se escribió, recorre datos con for, while o una comprensión."""
    for nodo in ast.walk(source.tree):
        if isinstance(nodo, ast.FunctionDef) and nodo.name == funcion:
            return any(isinstance(n, (ast.For, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
                       for n in ast.walk(nodo))
    return False


def tamanos_distintos(cuantos, bajo=2, alto=9):
    return random.sample(range(bajo, alto + 1), cuantos)


@check("capa_densa calcula la salida de la capa con forma (N, F_out)", points=3)
def densa(student, reference):
    for _ in range(3):
        n, f_in, f_out = tamanos_distintos(3)
        X, W, b = torch.randn(n, f_in), torch.randn(f_out, f_in), torch.randn(f_out)
        out = student.call("capa_densa", X, W, b)
        expect_shape(out, (n, f_out), "capa_densa(X, W, b)")
        expect_close(out, reference.capa_densa(X, W, b), "capa_densa(X, W, b)")


@check("capa_densa funciona con un eje de batch adicional", points=1)
def densa_batch(student, reference):
    bt, n, f_in, f_out = tamanos_distintos(4)
    X, W, b = torch.randn(bt, n, f_in), torch.randn(f_out, f_in), torch.randn(f_out)
    out = student.call("capa_densa", X, W, b)
    expect_shape(out, (bt, n, f_out), "capa_densa con X de forma (B, N, F_in)")
    expect_close(out, reference.capa_densa(X, W, b), "capa_densa con X de forma (B, N, F_in)")


@check("puntuaciones devuelve (B, T_q, T_k) con los productos escalados", points=3)
def atencion(student, reference):
    for _ in range(2):
        bt, tq, tk, d = tamanos_distintos(4, 2, 12)
        Q, K = torch.randn(bt, tq, d), torch.randn(bt, tk, d)
        out = student.call("puntuaciones", Q, K)
        expect_shape(out, (bt, tq, tk), "puntuaciones(Q, K)")
        expect_close(out, reference.puntuaciones(Q, K), "puntuaciones(Q, K)")


@check("producto_fila_a_fila devuelve un producto escalar por fila", points=2)
def filas(student, reference):
    n, d = tamanos_distintos(2)
    A, C = torch.randn(n, d), torch.randn(n, d)
    out = student.call("producto_fila_a_fila", A, C)
    expect_shape(out, (n,), "producto_fila_a_fila(A, C)")
    expect_close(out, reference.producto_fila_a_fila(A, C), "producto_fila_a_fila(A, C)")


@check("sin bucles de Python: operaciones sobre el tensor entero", points=1)
def sin_bucles(student, reference):
    for nombre in ('capa_densa', 'puntuaciones', 'producto_fila_a_fila'):
        expect(not tiene_bucles(student.source, nombre),
               f"{nombre} recorre los datos con un bucle de Python; el ejercicio pide hacerlo sin bucles, con "
               f"operaciones sobre el tensor completo (reducciones con dim, máscaras, @).")
