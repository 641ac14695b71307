def caso(divisible=False):
    b = random.randint(3, 32)
    n = b * random.randint(2, 20) + (0 if divisible else random.randint(1, b - 1))
    return n, b


def contar(student, n, b, drop_last):
    out = student.call("contar_lotes", n, b, drop_last)
    expect(isinstance(out, tuple) and len(out) == 2,
           "contar_lotes debe devolver una tupla (num_lotes, tamano_ultimo).")
    return tuple(int(expect_number(v, "contar_lotes(...)")) for v in out)


@check("contar_lotes sin drop_last: ceil(n / batch_size) lotes y un último lote con el resto", points=2)
def sin_drop_last(student, reference):
    for divisible in (False, False, True):
        n, b = caso(divisible)
        out = contar(student, n, b, False)
        esperado = reference.contar_lotes(n, b, False)
        expect(out == esperado,
               f"Con n={n}, batch_size={b} y drop_last=False, contar_lotes devuelve {out}; "
               f"revisa el número de lotes y el tamaño del último.")


@check("contar_lotes con drop_last descarta el lote incompleto", points=2)
def con_drop_last(student, reference):
    casos = [caso(False), caso(True)]
    b = random.randint(10, 20)
    casos.append((random.randint(1, b - 1), b))          # menos ejemplos que un lote
    for n, b in casos:
        out = contar(student, n, b, True)
        esperado = reference.contar_lotes(n, b, True)
        expect(out == esperado,
               f"Con n={n}, batch_size={b} y drop_last=True, contar_lotes devuelve {out}; "
               f"revisa qué pasa con el lote incompleto (y el caso sin ningún lote).")


def ordenes(student, n, b, semilla, epocas):
    out = student.call("ordenes_barajados", n, b, semilla, epocas)
    expect(isinstance(out, list) and len(out) == epocas,
           f"ordenes_barajados debe devolver una lista con {epocas} épocas.")
    for epoca in out:
        expect(isinstance(epoca, list) and all(isinstance(l, list) for l in epoca),
               "Cada época debe ser una lista de lotes, y cada lote una lista de enteros (lote.tolist()).")
    return out


@check("cada época recorre todos los ejemplos una vez, en lotes del tamaño pedido", points=2)
def permutacion(student, reference):
    n, b = caso()
    out = ordenes(student, n, b, random.randint(0, 10_000), 3)
    for epoca in out:
        tamanos = [len(l) for l in epoca]
        expect(tamanos == [b] * (n // b) + ([n % b] if n % b else []),
               f"Con n={n} y batch_size={b}, los lotes de una época tienen tamaños {tamanos}.")
        expect(sorted(i for l in epoca for i in l) == list(range(n)),
               "Una época no contiene cada índice 0…n-1 exactamente una vez.")


@check("con la misma semilla el barajado es reproducible", points=2)
def reproducible(student, reference):
    n, b = caso()
    semilla = random.randint(0, 10_000)
    primera = ordenes(student, n, b, semilla, 2)
    segunda = ordenes(student, n, b, semilla, 2)
    expect(primera == segunda,
           "Dos llamadas con la misma semilla dan órdenes distintos: el DataLoader debe barajar con un "
           "torch.Generator sembrado con `semilla`.")
    expect(primera == reference.ordenes_barajados(n, b, semilla, 2),
           "El orden no es el que produce un DataLoader con generator=torch.Generator().manual_seed(semilla).")


@check("cada época usa un orden distinto", points=2)
def epocas_distintas(student, reference):
    n, b = caso()
    out = ordenes(student, n, b, random.randint(0, 10_000), 3)
    expect(out[0] != out[1] and out[1] != out[2],
           "Varias épocas tienen exactamente el mismo orden: crea el Generator y el DataLoader una sola vez, "
           "antes del bucle de épocas.")
