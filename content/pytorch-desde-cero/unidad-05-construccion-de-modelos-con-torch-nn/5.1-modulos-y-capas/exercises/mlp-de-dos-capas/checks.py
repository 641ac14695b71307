def tamanos():
    n_entrada, n_oculta, n_salida = random.sample(range(2, 13), 3)
    return n_entrada, n_oculta, n_salida


def modelo_de_referencia(reference, estado, n_entrada, n_oculta, n_salida):
    modelo = reference.MLP(n_entrada, n_oculta, n_salida)
    try:
        modelo.load_state_dict(estado)
    except Exception:
        raise CheckFailed("Los pesos de tu modelo no encajan con un MLP de dos capas `oculta` y `salida`: "
                          "revisa los nombres de los atributos y los tamaños de cada nn.Linear.")
    return modelo


def crear(student, n_entrada, n_oculta, n_salida, x):
    resultado = student.call("crear_y_aplicar", n_entrada, n_oculta, n_salida, x)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "crear_y_aplicar debe devolver una tupla (modelo, y).")
    modelo, y = resultado
    expect_module(modelo, "el modelo devuelto")
    return modelo, y


@check("las capas oculta y salida tienen pesos y sesgos con la forma correcta", points=3)
def formas_de_los_pesos(student, reference):
    n_entrada, n_oculta, n_salida = tamanos()
    modelo, _ = crear(student, n_entrada, n_oculta, n_salida, torch.randn(3, n_entrada))
    esperadas = {
        "oculta.weight": (n_oculta, n_entrada), "oculta.bias": (n_oculta,),
        "salida.weight": (n_salida, n_oculta), "salida.bias": (n_salida,),
    }
    for clave, forma in esperadas.items():
        expect(clave in modelo.state_dict,
               f"No encuentro `{clave}` en el state_dict de tu modelo. ¿Creaste las capas como atributos "
               "`self.oculta` y `self.salida` después de super().__init__()?")
        expect_shape(modelo.state_dict[clave], forma, f"{clave} (con n_entrada={n_entrada}, "
                     f"n_oculta={n_oculta}, n_salida={n_salida})")
    extra = sorted(set(modelo.state_dict) - set(esperadas))
    expect(not extra, f"Tu modelo tiene parámetros que no se piden: {', '.join(extra[:3])}.")


@check("la salida tiene forma (N, n_salida) y sigue oculta → ReLU → salida", points=3)
def salida_correcta(student, reference):
    n_entrada, n_oculta, n_salida = tamanos()
    n = random.randint(4, 10)
    x = torch.randn(n, n_entrada) * 2
    modelo, y = crear(student, n_entrada, n_oculta, n_salida, x)
    expect_shape(y, (n, n_salida), "y")
    with torch.no_grad():
        esperado = modelo_de_referencia(reference, modelo.state_dict, n_entrada, n_oculta, n_salida)(x)
    expect_close(y, esperado, "y", rtol=1e-4, atol=1e-5)


@check("el modelo acepta entradas (N, L, n_entrada) y solo transforma la última dimensión", points=2)
def entrada_con_mas_dimensiones(student, reference):
    n_entrada, n_oculta, n_salida = tamanos()
    n, l = random.randint(2, 5), random.randint(3, 6)
    x = torch.randn(n, l, n_entrada)
    modelo, y = crear(student, n_entrada, n_oculta, n_salida, x)
    expect_shape(y, (n, l, n_salida), "y con una entrada de forma (N, L, n_entrada)")
    with torch.no_grad():
        esperado = modelo_de_referencia(reference, modelo.state_dict, n_entrada, n_oculta, n_salida)(x)
    expect_close(y, esperado, "y con una entrada de forma (N, L, n_entrada)", rtol=1e-4, atol=1e-5)


@check("contar_parametros cuenta todos los números entrenables", points=2)
def cuenta(student, reference):
    for _ in range(3):
        n_entrada, n_oculta, n_salida = tamanos()
        total = student.call("contar_parametros", n_entrada, n_oculta, n_salida)
        if isinstance(total, torch.Tensor) and total.numel() == 1:
            total = total.item()
        expect(isinstance(total, int) and not isinstance(total, bool),
               f"contar_parametros debería devolver un int, pero devuelve {type(total).__name__}.")
        esperado = reference.contar_parametros(n_entrada, n_oculta, n_salida)
        expect(total == esperado,
               f"Con n_entrada={n_entrada}, n_oculta={n_oculta} y n_salida={n_salida} cuentas {total} "
               "parámetros, pero el modelo tiene otra cantidad. Recuerda que cada capa tiene pesos y sesgos.")
