def datos(n):
    y = torch.randperm(n)                      # etiquetas únicas: cada yb identifica sus filas
    X = torch.randn(n, 5)
    X[:, 0] = y.float()                        # la primera columna repite la etiqueta
    return X, y


def lotes(student, n, batch_size, drop_last, semilla=None):
    X, y = datos(n)
    semilla = random.randint(0, 10**6) if semilla is None else semilla
    out = student.call("lotes_en_memoria", X, y, batch_size, semilla, drop_last)
    expect(isinstance(out, list) and all(isinstance(l, tuple) and len(l) == 2 for l in out),
           "lotes_en_memoria debe devolver una lista de tuplas (xb, yb).")
    return X, y, out


@check("los lotes cubren la época una vez, con el último incompleto", points=3)
def cubre(student, reference):
    batch_size = random.randint(8, 20)
    n = batch_size * random.randint(3, 6) + random.randint(1, batch_size - 1)
    X, y, out = lotes(student, n, batch_size, False)
    tamanos = [len(yb) for _, yb in out]
    esperados = [batch_size] * (n // batch_size) + [n % batch_size]
    expect(tamanos == esperados,
           f"Con N={n} y batch_size={batch_size} los lotes tienen tamaños {tamanos}; se esperaban {esperados}.")
    vistos = torch.cat([yb for _, yb in out])
    expect(torch.equal(vistos.sort().values, y.sort().values),
           "Los lotes no contienen cada ejemplo exactamente una vez.")


@check("drop_last descarta solo el lote incompleto", points=2)
def descarta(student, reference):
    batch_size = random.randint(8, 20)
    n = batch_size * random.randint(3, 6) + random.randint(1, batch_size - 1)
    _, _, out = lotes(student, n, batch_size, True)
    tamanos = [len(yb) for _, yb in out]
    expect(tamanos == [batch_size] * (n // batch_size),
           f"Con drop_last=True, N={n} y batch_size={batch_size} los lotes tienen tamaños {tamanos}.")


@check("cada fila de xb sigue emparejada con su etiqueta y la época está barajada", points=3)
def emparejados(student, reference):
    X, y, out = lotes(student, 64, 16, False)
    for xb, yb in out:
        expect_shape(xb, (len(yb), 5), "xb")
        expect(torch.equal(xb[:, 0], yb.float()),
               "Algún xb[k] ya no corresponde a su yb[k]: baraja los índices una vez e indexa X e y con el "
               "mismo trozo.")
    orden = torch.cat([yb for _, yb in out])
    expect(not torch.equal(orden, y), "Los lotes salen en el orden original: la época no está barajada.")


@check("es reproducible con la semilla e indexa lotes completos", points=2)
def reproducible(student, reference):
    semilla = random.randint(0, 10**6)
    X, y, a = lotes(student, 50, 8, False, semilla)
    b = student.call("lotes_en_memoria", X, y, 8, semilla, False)
    expect(torch.equal(torch.cat([yb for _, yb in a]), torch.cat([yb for _, yb in b])),
           "Con la misma semilla, lotes_en_memoria da lotes distintos: usa el generador al barajar.")
    expect_no_call(student.source, "stack",
                   "Cada lote debe salir de una sola indexación con un tensor de índices, no de apilar "
                   "ejemplos uno a uno con torch.stack.")
