import ast

FUNCIONES = ("recortar_atipicos", "vecino_mas_cercano")


def tiene_bucles(source, funcion):
    for nodo in ast.walk(source.tree):
        if isinstance(nodo, ast.FunctionDef) and nodo.name == funcion:
            return any(isinstance(n, (ast.For, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
                       for n in ast.walk(nodo))
    return False


@check("recortar_atipicos recorta cada columna con su media y su desviación", points=3)
def recortar(student, reference):
    for _ in range(3):
        n, d = random.randint(30, 120), random.randint(2, 6)
        X = torch.randn(n, d) * (torch.rand(d) * 10 + 0.5) + torch.randn(d) * 5
        X[random.randrange(n), random.randrange(d)] += 50.0          # un atípico claro
        k = round(random.uniform(1.0, 2.5), 2)
        out = student.call("recortar_atipicos", X, k)
        expect_shape(out, (n, d), f"recortar_atipicos(X, {k})")
        expect_close(out, reference.recortar_atipicos(X, k), f"recortar_atipicos(X, {k})", rtol=1e-4, atol=1e-4)


@check("vecino_mas_cercano devuelve el índice del punto más cercano de B", points=4)
def vecinos(student, reference):
    for _ in range(3):
        n, m, d = random.sample(range(4, 40), 3)
        A, B = torch.randn(n, d), torch.randn(m, d)
        out = student.call("vecino_mas_cercano", A, B)
        expect_shape(out, (n,), "vecino_mas_cercano(A, B)")
        expect_dtype(out, torch.int64, "vecino_mas_cercano(A, B)")
        expect(torch.equal(out, torch.cdist(A, B).argmin(dim=1)),
               "vecino_mas_cercano(A, B) no señala, para cada punto de A, el punto de B más cercano.")


@check("ninguna de las dos funciones usa bucles de Python", points=3)
def sin_bucles(student, reference):
    for nombre in FUNCIONES:
        expect(not tiene_bucles(student.source, nombre),
               f"{nombre} todavía recorre los datos con un bucle de Python: calcula el resultado completo con "
               f"operaciones sobre tensores enteros.")
