def lista_aleatoria():
    filas, columnas = random.randint(2, 5), random.randint(2, 5)
    return [[random.randint(-20, 20) for _ in range(columnas)] for _ in range(filas)]


def sin_tocar_la_semilla(funcion, *args):
    # La referencia fija la semilla; conservamos el estado aleatorio del corrector.
    estado = torch.get_rng_state()
    try:
        return funcion(*args)
    finally:
        torch.set_rng_state(estado)


@check("desde_lista devuelve float32 con la forma y los valores de la lista", points=3)
def lista_a_tensor(student, reference):
    datos = lista_aleatoria()
    out = student.call("desde_lista", datos)
    expect_shape(out, (len(datos), len(datos[0])), "desde_lista(datos)")
    expect_dtype(out, torch.float32, "desde_lista(datos)")
    expect_close(out, reference.desde_lista(datos), "desde_lista(datos)")
    decimales = [random.uniform(-5, 5) for _ in range(random.randint(2, 6))]
    out = student.call("desde_lista", decimales)
    expect_shape(out, (len(decimales),), "desde_lista con una lista de decimales")
    expect_close(out, reference.desde_lista(decimales), "desde_lista con una lista de decimales")


@check("eje_x devuelve n valores en forma (n, 1) con los dos extremos incluidos", points=4)
def eje(student, reference):
    for _ in range(3):
        inicio = round(random.uniform(-5, 0), 2)
        fin = round(random.uniform(1, 5), 2)
        n = random.randint(4, 30)
        out = student.call("eje_x", inicio, fin, n)
        nombre = f"eje_x({inicio}, {fin}, {n})"
        expect_shape(out, (n, 1), nombre)
        expect_dtype(out, torch.float32, nombre)
        expect_close(out[0, 0], inicio, f"el primer valor de {nombre}", atol=1e-5)
        expect_close(out[-1, 0], fin, f"el último valor de {nombre} (¿incluyes el extremo final?)", atol=1e-5)
        expect_close(out, reference.eje_x(inicio, fin, n), nombre, atol=1e-5)


@check("pesos_iniciales es reproducible y sigue la receta pedida", points=3)
def pesos(student, reference):
    n_in, n_out = random.randint(2, 6), random.randint(1, 4)
    semilla = random.randint(0, 10_000)
    a = student.call("pesos_iniciales", n_in, n_out, semilla)
    expect_shape(a, (n_in, n_out), "pesos_iniciales(...)")
    b = student.call("pesos_iniciales", n_in, n_out, semilla)
    expect(torch.equal(a, b), "Dos llamadas a pesos_iniciales con la misma semilla devolvieron números "
                              "distintos; deberían ser idénticos.")
    otra = student.call("pesos_iniciales", n_in, n_out, semilla + 1)
    expect(not torch.equal(otra, a), "Con semillas distintas, pesos_iniciales debería devolver números distintos.")
    esperado = sin_tocar_la_semilla(reference.pesos_iniciales, n_in, n_out, semilla)
    expect_close(a, esperado, "pesos_iniciales(...)")
