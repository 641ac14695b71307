def secuencias(n):
    longitudes = [random.randint(1, 12) for _ in range(n)]
    if len(set(longitudes)) == 1:
        longitudes[0] += 1
    return [torch.randn(l) for l in longitudes], torch.randint(0, 3, (n,))


def ejemplos(n=None):
    seqs, etiquetas = secuencias(n or random.randint(3, 7))
    return [(s, e) for s, e in zip(seqs, etiquetas)]


def lote_del_estudiante(student, lote_ejemplos):
    out = student.call("collate_relleno", lote_ejemplos)
    expect(isinstance(out, tuple) and len(out) == 3,
           "collate_relleno debe devolver una tupla (lote, longitudes, etiquetas).")
    return out


@check("collate_relleno devuelve lote (B, L_max), longitudes (B,) y etiquetas (B,)", points=2)
def formas(student, reference):
    lote_ejemplos = ejemplos()
    b, l_max = len(lote_ejemplos), max(len(s) for s, _ in lote_ejemplos)
    lote, longitudes, etiquetas = lote_del_estudiante(student, lote_ejemplos)
    expect_shape(lote, (b, l_max), "lote")
    expect_dtype(lote, torch.float32, "lote")
    expect_shape(longitudes, (b,), "longitudes")
    expect_dtype(longitudes, torch.long, "longitudes")
    expect_shape(etiquetas, (b,), "etiquetas")
    expect_dtype(etiquetas, torch.long, "etiquetas")


@check("el lote conserva cada secuencia, rellena con ceros y guarda las longitudes reales", points=3)
def valores(student, reference):
    for _ in range(2):
        lote_ejemplos = ejemplos()
        lote, longitudes, etiquetas = lote_del_estudiante(student, lote_ejemplos)
        ref_lote, ref_longitudes, ref_etiquetas = reference.collate_relleno(lote_ejemplos)
        expect_shape(lote, tuple(ref_lote.shape), "lote")
        expect_close(lote, ref_lote, "lote (secuencias rellenadas con 0.0)")
        expect_shape(longitudes, tuple(ref_longitudes.shape), "longitudes")
        expect(torch.equal(longitudes.long(), ref_longitudes),
               f"longitudes vale {longitudes.tolist()}, pero las longitudes reales de las secuencias son otras: "
               "mídelas antes de rellenar.")
        expect_close(etiquetas, ref_etiquetas, "etiquetas")


@check("mascara_relleno marca solo las posiciones reales", points=2)
def mascara(student, reference):
    b = random.randint(3, 7)
    longitudes = torch.randint(1, 10, (b,))
    l_max = int(longitudes.max()) + random.randint(0, 2)
    out = student.call("mascara_relleno", longitudes, l_max)
    expect_shape(out, (b, l_max), "mascara_relleno(...)")
    expect_dtype(out, torch.bool, "mascara_relleno(...)")
    expect(torch.equal(out, reference.mascara_relleno(longitudes, l_max)),
           "La máscara no coincide con las longitudes: la posición j de una secuencia de longitud L es real "
           "solo si j < L.")


@check("en el DataLoader cada lote se rellena hasta su propia longitud máxima", points=3)
def en_dataloader(student, reference):
    n, b = random.randint(9, 15), random.randint(3, 4)
    seqs, etiquetas = secuencias(n)
    seqs[0] = torch.randn(15)                      # una secuencia muy larga en el primer lote
    out = student.call("lotes_con_relleno", seqs, etiquetas, b)
    esperado = reference.lotes_con_relleno(seqs, etiquetas, b)
    expect(isinstance(out, list) and len(out) == len(esperado),
           f"Con {n} ejemplos y batch_size={b} se esperaban {len(esperado)} lotes.")
    for k, (lote, ref) in enumerate(zip(out, esperado)):
        expect(isinstance(lote, (tuple, list)) and len(lote) == 3,
               "Cada lote del DataLoader debe ser la tupla (lote, longitudes, etiquetas) de collate_relleno.")
        expect_shape(lote[0], tuple(ref[0].shape), f"el lote {k}")
        expect_close(lote[0], ref[0], f"el lote {k}")
        expect_close(lote[1], ref[1], f"las longitudes del lote {k}")
        expect_close(lote[2], ref[2], f"las etiquetas del lote {k}")
