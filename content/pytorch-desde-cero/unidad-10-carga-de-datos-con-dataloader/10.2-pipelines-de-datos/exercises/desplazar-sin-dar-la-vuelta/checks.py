def imagen(h=8, w=8):
    return torch.rand(h, w) + 0.1          # sin ceros, para ver qué píxeles entran


def desplazamientos_validos(original, aumentada, max_px):
    return [(di, dj) for di in range(-max_px, max_px + 1) for dj in range(-max_px, max_px + 1)
            if torch.equal(aumentada, referencia_desplazar(original, di, dj))]


def referencia_desplazar(img, di, dj):
    h, w = img.shape
    salida = torch.zeros_like(img)
    salida[max(di, 0):h + min(di, 0), max(dj, 0):w + min(dj, 0)] = img[max(-di, 0):h - max(di, 0),
                                                                        max(-dj, 0):w - max(dj, 0)]
    return salida


@check("desplazar mueve filas y columnas y rellena con ceros", points=5)
def desplaza(student, reference):
    casos = [(1, 0), (0, 1)] + [(random.randint(-3, 3), random.randint(-3, 3)) for _ in range(5)]
    for di, dj in casos:
        img = imagen(random.randint(6, 10), random.randint(6, 10))
        out = student.call("desplazar", img, di, dj)
        expect_shape(out, tuple(img.shape), f"desplazar(img, {di}, {dj})")
        esperado = referencia_desplazar(img, di, dj)
        if not torch.equal(out, esperado):
            vuelta = torch.roll(img, shifts=(di, dj), dims=(0, 1))
            expect(not torch.allclose(out, vuelta),
                   f"desplazar(img, {di}, {dj}) hace reaparecer por un borde los píxeles que salen por el "
                   "otro (una rotación circular): en un desplazamiento, lo que entra es cero.")
            expect(False,
                   f"desplazar(img, {di}, {dj}) no da la imagen esperada: di mueve las filas (hacia abajo si es "
                   "positivo) y dj las columnas (hacia la derecha si es positivo).")


@check("aumentar_lote desplaza cada imagen por separado, dentro de max_px", points=3)
def lote(student, reference):
    n, max_px = random.randint(24, 40), random.randint(1, 2)
    imgs = torch.rand(n, 8, 8) + 0.1
    copia = imgs.clone()
    out = student.call("aumentar_lote", imgs, max_px, random.randint(0, 10**6))
    expect_shape(out, (n, 8, 8), "aumentar_lote(...)")
    usados = set()
    for i in range(n):
        validos = desplazamientos_validos(copia[i], out[i], max_px)
        expect(validos,
               f"La imagen {i} del lote aumentado no es un desplazamiento de la original de como mucho "
               f"{max_px} píxeles en cada dirección, con ceros en lo que entra.")
        usados.add(validos[0])
    expect(len(usados) > 1,
           "Todas las imágenes del lote se han desplazado igual: sortea di y dj para cada imagen.")


@check("aumentar_lote es reproducible con la misma semilla", points=2)
def reproducible(student, reference):
    imgs = torch.rand(16, 8, 8) + 0.1
    semilla = random.randint(0, 10**6)
    a = student.call("aumentar_lote", imgs, 1, semilla)
    b = student.call("aumentar_lote", imgs, 1, semilla)
    expect(torch.equal(a, b), "Con la misma semilla, aumentar_lote da lotes distintos: usa el generador.")
