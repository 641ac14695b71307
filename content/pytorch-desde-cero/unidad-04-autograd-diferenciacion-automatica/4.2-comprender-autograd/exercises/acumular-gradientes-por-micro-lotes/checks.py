import ast


def problema():
    k = random.choice([2, 3, 4, 5, 8])
    n = k * random.randint(3, 12)
    d = random.randint(2, 6)
    X = torch.randn(n, d)
    y = X @ torch.randn(d) + torch.randn(n)
    w = torch.randn(d)
    return X, y, w, k


@check("gradiente_completo da el gradiente del lote entero", points=3)
def completo(student, reference):
    for _ in range(2):
        X, y, w, _ = problema()
        out = student.call("gradiente_completo", X, y, w)
        expect_shape(out, tuple(w.shape), "gradiente_completo(X, y, w)")
        expect_close(out, reference.gradiente_completo(X, y, w), "gradiente_completo(X, y, w)",
                     rtol=1e-4, atol=1e-5)


@check("gradiente_acumulado coincide con el gradiente del lote completo", points=4)
def acumulado(student, reference):
    for _ in range(3):
        X, y, w, k = problema()
        out = student.call("gradiente_acumulado", X, y, w, k)
        expect_shape(out, tuple(w.shape), f"gradiente_acumulado(X, y, w, k={k})")
        expect_close(out, reference.gradiente_completo(X, y, w), f"gradiente_acumulado(X, y, w, k={k})",
                     rtol=1e-4, atol=1e-5)


@check("gradiente_acumulado da lo mismo con cualquier número de micro-lotes", points=1)
def independiente_de_k(student, reference):
    X, y, w, _ = problema()
    n = 24
    X, y = torch.randn(n, X.shape[1]), torch.randn(n)
    uno = student.call("gradiente_acumulado", X, y, w, 1)
    for k in (2, 6):
        otro = student.call("gradiente_acumulado", X, y, w, k)
        expect_close(otro, uno, f"el gradiente acumulado con k={k} frente a k=1", rtol=1e-4, atol=1e-5)


def backward_en_un_bucle(source):
    for bucle in ast.walk(source.tree):
        if isinstance(bucle, (ast.For, ast.While)):
            for nodo in ast.walk(bucle):
                if (isinstance(nodo, ast.Call) and isinstance(nodo.func, ast.Attribute)
                        and nodo.func.attr == "backward"):
                    return True
    return False


@check("gradiente_acumulado llama a backward() en un bucle, una vez por micro-lote", points=2)
def acumula_de_verdad(student, reference):
    expect(backward_en_un_bucle(student.source),
           "gradiente_acumulado debe recorrer los micro-lotes y llamar a backward() en cada uno, dejando que "
           "autograd sume en w.grad. Devolver el gradiente del lote completo da el número correcto, pero no es "
           "acumular.")
