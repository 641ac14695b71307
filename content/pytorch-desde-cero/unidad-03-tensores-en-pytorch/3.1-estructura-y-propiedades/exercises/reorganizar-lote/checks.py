def lote_aleatorio(dtype=torch.uint8):
    n, c, h, w = random.randint(2, 5), random.randint(2, 4), random.randint(2, 6), random.randint(2, 6)
    return torch.randint(0, 256, (n, c, h, w), dtype=dtype)


@check("aplanar_lote devuelve una fila por imagen", points=3)
def forma_aplanada(student, reference):
    x = lote_aleatorio()
    n, c, h, w = x.shape
    expect_shape(student.call("aplanar_lote", x), (n, c * h * w), "aplanar_lote(x)")


@check("aplanar_lote devuelve float32 con los valores de cada imagen", points=3)
def valores_aplanados(student, reference):
    x = lote_aleatorio()
    out = student.call("aplanar_lote", x)
    expect_dtype(out, torch.float32, "aplanar_lote(x)")
    expect_close(out, reference.aplanar_lote(x), "aplanar_lote(x)")


@check("canales_al_final mueve los canales al último eje", points=4)
def canales(student, reference):
    x = lote_aleatorio(torch.float32)
    n, c, h, w = x.shape
    out = student.call("canales_al_final", x)
    expect_shape(out, (n, h, w, c), "canales_al_final(x)")
    expect_close(out, reference.canales_al_final(x), "canales_al_final(x)")
