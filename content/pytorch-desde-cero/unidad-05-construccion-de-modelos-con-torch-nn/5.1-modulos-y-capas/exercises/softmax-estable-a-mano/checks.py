def puntuaciones(dimensiones, escala=3.0):
    tamanos = random.sample(range(2, 9), dimensiones)     # tamaños distintos: un error de forma no se esconde
    return torch.randn(*tamanos) * escala


def comparar(student, z, dim, nombre):
    out = student.call("softmax_estable", z, dim)
    expect_shape(out, tuple(z.shape), nombre)
    expect(bool(torch.isfinite(out).all()),
           f"{nombre} contiene NaN o infinito: la exponencial de valores grandes desborda en float32, o un grupo "
           "entero se queda en 0 y divides 0 entre 0.")
    expect_close(out.sum(dim=dim), torch.ones(out.sum(dim=dim).shape), f"la suma de {nombre} a lo largo de dim={dim}",
                 rtol=1e-4, atol=1e-4)
    expect_close(out, torch.softmax(z, dim=dim), nombre, rtol=1e-4, atol=1e-6)


@check("las probabilidades suman 1 a lo largo de dim y coinciden con softmax", points=3)
def valores(student, reference):
    z = puntuaciones(2)
    comparar(student, z, 1, "softmax_estable(z, dim=1)")
    z = puntuaciones(2)
    comparar(student, z, 0, "softmax_estable(z, dim=0)")


@check("funciona con tensores de 3 dimensiones y dim negativo", points=2)
def tres_dimensiones(student, reference):
    z = puntuaciones(3)
    comparar(student, z, -1, "softmax_estable(z, dim=-1) con z de 3 dimensiones")
    comparar(student, z, 1, "softmax_estable(z, dim=1) con z de 3 dimensiones")


@check("es estable con puntuaciones del orden de ±1000", points=3)
def extremos(student, reference):
    z = puntuaciones(2)
    filas = list(range(z.shape[0]))
    random.shuffle(filas)
    z[filas[0]] += 1000.0          # un ejemplo con puntuaciones enormes
    z[filas[1]] -= 1000.0          # otro con puntuaciones muy negativas
    comparar(student, z, 1, "softmax_estable(z, dim=1) con valores extremos")
    comparar(student, z.T.contiguous(), 0, "softmax_estable(z, dim=0) con valores extremos")


@check("no usa la softmax de PyTorch", points=2)
def a_mano(student, reference):
    for nombre in ("softmax", "Softmax", "log_softmax"):
        expect_no_call(student.source, nombre,
                       f"El ejercicio pide calcular softmax a mano, y tu código llama a `{nombre}`. Usa exp, sumas y "
                       "máximos.")
    z = puntuaciones(2)
    comparar(student, z, 1, "softmax_estable(z, dim=1)")
