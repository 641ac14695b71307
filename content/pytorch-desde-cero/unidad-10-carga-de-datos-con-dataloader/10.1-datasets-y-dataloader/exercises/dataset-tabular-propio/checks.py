def datos():
    n, d = random.randint(12, 40), random.randint(3, 9)
    if n == d:
        n += 1
    X = torch.randn(n, d, dtype=torch.float64) * 3
    y = torch.randint(0, 4, (n,))
    return X, y


def inspeccionar(student, X, y, indices):
    out = student.call("inspeccionar", X.tolist(), y.tolist(), indices)
    expect(isinstance(out, tuple) and len(out) == 2,
           "La función de apoyo inspeccionar no devuelve lo esperado: no la modifiques.")
    return out


def ejemplo(item, i):
    expect(isinstance(item, tuple) and len(item) == 2,
           f"ds[{i}] debe devolver una tupla (x, y), pero devuelve {type(item).__name__}.")
    return item


@check("len(ds) es el número de ejemplos", points=2)
def longitud(student, reference):
    X, y = datos()
    n, _ = inspeccionar(student, X, y, [])
    expect(n == len(X), f"Con {len(X)} ejemplos de {X.shape[1]} características, len(ds) devuelve {n}.")


@check("ds[i] devuelve (x, y) con formas y dtypes correctos", points=3)
def formas(student, reference):
    X, y = datos()
    i = random.randrange(len(X))
    _, items = inspeccionar(student, X, y, [i])
    x_i, y_i = ejemplo(items[0], i)
    expect_shape(x_i, (X.shape[1],), f"x de ds[{i}]")
    expect_dtype(x_i, torch.float32, f"x de ds[{i}]")
    expect_shape(y_i, (), f"y de ds[{i}]")
    expect_dtype(y_i, torch.long, f"y de ds[{i}]")


@check("ds[i] contiene los valores de la fila i", points=2)
def valores(student, reference):
    X, y = datos()
    indices = random.sample(range(len(X)), 4)
    _, items = inspeccionar(student, X, y, indices)
    expect(isinstance(items, list) and len(items) == len(indices), "No se pudieron leer los ejemplos pedidos.")
    for i, item in zip(indices, items):
        x_i, y_i = ejemplo(item, i)
        expect_tensor(x_i, f"x de ds[{i}]")
        expect_close(x_i.reshape(-1), X[i].float(), f"x de ds[{i}]", rtol=1e-5, atol=1e-5)
        expect_tensor(y_i, f"y de ds[{i}]")
        expect(y_i.numel() == 1 and int(y_i.reshape(-1)[0]) == int(y[i]),
               f"La etiqueta de ds[{i}] no es la de la fila {i}.")


@check("un DataLoader forma lotes (B, D) de float32 y (B,) de long", points=3)
def lotes(student, reference):
    X, y = datos()
    b = random.randint(4, 8)
    out = student.call("primer_lote", X.tolist(), y.tolist(), b)
    expect(isinstance(out, (list, tuple)) and len(out) == 2, "El primer lote debería ser un par (xb, yb).")
    xb, yb = out
    expect_shape(xb, (b, X.shape[1]), "xb (entradas del lote)")
    expect_dtype(xb, torch.float32, "xb (entradas del lote)")
    expect_shape(yb, (b,), "yb (etiquetas del lote)")
    expect_dtype(yb, torch.long, "yb (etiquetas del lote)")
    expect_close(xb, X[:b].float(), "xb (entradas del lote)", rtol=1e-5, atol=1e-5)
