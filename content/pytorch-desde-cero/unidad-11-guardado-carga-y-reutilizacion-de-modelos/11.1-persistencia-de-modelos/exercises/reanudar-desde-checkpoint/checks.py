import ast


def datos():
    n = random.randint(40, 120)
    X = torch.randn(n, 5)
    y = X @ torch.randn(5, 1) + 0.1 * torch.randn(n, 1)
    return X, y


def ruta(etiqueta):
    return f"ckpt_{etiqueta}_{random.randint(0, 10**6)}.pt"


def lista_de_perdidas(valor, n, nombre):
    expect(isinstance(valor, list), f"{nombre} debe devolver una lista de pérdidas (números de Python).")
    expect(len(valor) == n, f"{nombre} devolvió {len(valor)} pérdidas; se esperaban {n}, una por época entrenada.")
    return [expect_number(v, nombre) for v in valor]


def carga_segura(source):
    """True if the code calls torch.load and no call turns off weights_only (True is the default in torch 2.13)."""
    llamadas = [n for n in ast.walk(source.tree) if isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute) and n.func.attr == "load"]
    return bool(llamadas) and not any(
        k.arg == "weights_only" and not (isinstance(k.value, ast.Constant) and k.value.value is True)
        for llamada in llamadas for k in llamada.keywords)


@check("primera_parte entrena con crear(0) y devuelve una pérdida por época", points=2)
def primera(student, reference):
    X, y = datos()
    epocas = random.randint(3, 8)
    perdidas = lista_de_perdidas(student.call("primera_parte", X, y, epocas, ruta("p")), epocas, "primera_parte")
    expect_close(torch.tensor(perdidas), torch.tensor(reference.entrenar_seguido(X, y, epocas)),
                 "las pérdidas de primera_parte", rtol=1e-5, atol=1e-7)


@check("segunda_parte entrena solo las épocas que faltan", points=3)
def cuantas(student, reference):
    X, y = datos()
    corte, total = random.randint(3, 6), random.randint(9, 14)
    r = ruta("c")
    student.call("primera_parte", X, y, corte, r)
    lista_de_perdidas(student.call("segunda_parte", X, y, total, r), total - corte, "segunda_parte")


@check("reanudar desde el checkpoint reproduce el entrenamiento continuo", points=5)
def reanudar(student, reference):
    (XA, yA), (XB, yB) = datos(), datos()
    corte_a, corte_b = random.randint(3, 6), random.randint(3, 6)
    total = corte_a + random.randint(4, 8)
    ruta_a, ruta_b = ruta("a"), ruta("b")
    # Dos checkpoints distintos: segunda_parte debe usar el que indica su ruta
    student.call("primera_parte", XA, yA, corte_a, ruta_a)
    student.call("primera_parte", XB, yB, corte_b, ruta_b)
    segunda = lista_de_perdidas(student.call("segunda_parte", XA, yA, total, ruta_a), total - corte_a,
                                "segunda_parte")
    expect(carga_segura(student.source),
           "Lee el checkpoint con torch.load(..., weights_only=True): con weights_only=False, un fichero "
           "manipulado puede ejecutar código al cargarse.")
    continuo = reference.entrenar_seguido(XA, yA, total)
    expect(torch.allclose(torch.tensor(segunda), torch.tensor(continuo[corte_a:]), rtol=1e-5, atol=1e-7),
           "Las pérdidas tras reanudar no coinciden con las de un entrenamiento continuo: el checkpoint no "
           "restaura todo el estado del entrenamiento.")
