def dims_aleatorias(n_capas):
    return [random.randint(2, 12) for _ in range(n_capas + 1)]


def comparar_salida(student, reference, dims):
    n = random.randint(5, 10)
    x = torch.randn(n, dims[0]) * 2
    resultado = student.call("crear_y_aplicar", dims, x)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "crear_y_aplicar debe devolver una tupla (red, y).")
    red, y = resultado
    expect_module(red, "la red devuelta")
    expect_shape(y, (n, dims[-1]), f"y para dims={dims}")
    esperada = reference.RedProfunda(dims)
    try:
        esperada.load_state_dict(red.state_dict)
    except Exception:
        raise CheckFailed(f"Con dims={dims}, los parámetros registrados de tu red no son las capas "
                          "`capas.0`, `capas.1`… que se piden.")
    with torch.no_grad():
        expect_close(y, esperada(x), f"y para dims={dims}", rtol=1e-4, atol=1e-5)


@check("todas las capas quedan registradas en parameters() y en el state_dict", points=4)
def capas_registradas(student, reference):
    for n_capas in (random.randint(2, 3), random.randint(4, 5)):
        dims = dims_aleatorias(n_capas)
        red = student.call("RedProfunda", dims)
        expect_module(red, f"RedProfunda({dims})")
        esperados = [f"capas.{i}.{p}" for i in range(n_capas) for p in ("weight", "bias")]
        expect(len(red.parameters) > 0,
               f"RedProfunda({dims}) no tiene ningún parámetro registrado: parameters() está vacío, así que "
               "un optimizador no podría entrenarla.")
        faltan = [nombre for nombre in esperados if nombre not in red.parameters]
        expect(not faltan, f"Con dims={dims} faltan parámetros registrados: {', '.join(faltan[:3])}.")
        expect(len(red.parameters) == len(esperados),
               f"RedProfunda({dims}) registra {len(red.parameters)} tensores de parámetros y se esperaban "
               f"{len(esperados)}.")
        for i in range(n_capas):
            expect_shape(red.state_dict[f"capas.{i}.weight"], (dims[i + 1], dims[i]), f"capas.{i}.weight")


@check("forward aplica ReLU entre capas y deja la última sin activación", points=4)
def forward_correcto(student, reference):
    comparar_salida(student, reference, dims_aleatorias(random.randint(2, 4)))


@check("funciona con una sola capa y con cinco", points=2)
def cualquier_profundidad(student, reference):
    comparar_salida(student, reference, dims_aleatorias(1))
    comparar_salida(student, reference, dims_aleatorias(5))
