def red_de_referencia(reference, estado, n_num, n_extra, oculta):
    red = reference.RedMixta(n_num, n_extra, oculta)
    try:
        red.load_state_dict(estado)
    except Exception:
        raise CheckFailed("Los parámetros de `modelo` no coinciden con las capas `entrada`, `bloque` y `salida` "
                          "que se piden. ¿Las creaste todas en __init__ con esos nombres y tamaños?")
    return red


def lote(n_num=3, n_extra=2):
    n = random.randint(4, 12)
    return torch.randn(n, n_num) * 2, torch.randn(n, n_extra) * 2


@check("RedMixta registra sus tres capas con los tamaños pedidos", points=3)
def capas_registradas(student, reference):
    n_num, n_extra, oculta = random.randint(2, 6), random.randint(1, 4), random.randint(5, 12)
    red = student.call("RedMixta", n_num, n_extra, oculta)
    expect_module(red, f"RedMixta({n_num}, {n_extra}, {oculta})")
    esperadas = {
        "entrada.weight": (oculta, n_num + n_extra), "entrada.bias": (oculta,),
        "bloque.weight": (oculta, oculta), "bloque.bias": (oculta,),
        "salida.weight": (1, oculta), "salida.bias": (1,),
    }
    for clave, forma in esperadas.items():
        expect(clave in red.state_dict,
               f"No encuentro `{clave}` entre los parámetros registrados. Las capas con pesos deben crearse "
               "en __init__ como atributos de self (no dentro de forward).")
        expect_shape(red.state_dict[clave], forma,
                     f"{clave} en RedMixta(n_num={n_num}, n_extra={n_extra}, oculta={oculta})")


@check("forward concatena las entradas, aplica tanh, el bloque residual y la capa de salida", points=4)
def valores_del_forward(student, reference):
    estado = student.get("modelo")
    expect_module(estado, "modelo")
    red = red_de_referencia(reference, estado.state_dict, 3, 2, 8)
    for _ in range(2):
        x_num, x_extra = lote()
        y = student.call("modelo", x_num, x_extra)
        expect_shape(y, (x_num.shape[0], 1), "modelo(x_num, x_extra)")
        with torch.no_grad():
            esperado = red(x_num, x_extra)
        expect_close(y, esperado, "modelo(x_num, x_extra)", rtol=1e-4, atol=1e-5)


@check("el modelo es determinista: la misma entrada da la misma salida", points=3)
def determinista(student, reference):
    x_num, x_extra = lote()
    primera = student.call("modelo", x_num, x_extra)
    segunda = student.call("modelo", x_num, x_extra)
    expect_tensor(primera, "modelo(x_num, x_extra)")
    expect_close(segunda, primera, "la segunda llamada con la misma entrada", rtol=1e-5, atol=1e-6)
    estado = student.get("modelo")
    expect_module(estado, "modelo")
    expect(len(estado.parameters) == 6,
           f"`modelo` tiene {len(estado.parameters)} tensores de parámetros registrados y deberían ser 6 "
           "(peso y sesgo de cada una de las tres capas).")


@check("el forward es correcto también con pesos que elige el corrector", points=2)
def pesos_del_corrector(student, reference):
    estado = student.get("modelo")
    expect_module(estado, "modelo")
    red = red_de_referencia(reference, estado.state_dict, 3, 2, 8)
    with torch.no_grad():
        for p in red.parameters():
            p.copy_(torch.randn_like(p) * 0.5)
    student.call("modelo.load_state_dict", red.state_dict())
    x_num, x_extra = lote()
    y = student.call("modelo", x_num, x_extra)
    expect_shape(y, (x_num.shape[0], 1), "modelo(x_num, x_extra)")
    with torch.no_grad():
        esperado = red(x_num, x_extra)
    expect_close(y, esperado, "modelo(x_num, x_extra) con pesos elegidos por el corrector", rtol=1e-4, atol=1e-5)
