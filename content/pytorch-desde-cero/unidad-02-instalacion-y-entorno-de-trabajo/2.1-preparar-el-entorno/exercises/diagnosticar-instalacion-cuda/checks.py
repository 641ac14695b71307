VERSIONES = ["11.8", "12.1", "12.4", "12.6", "12.8", "12.9", "13.0"]
ARQUITECTURAS = ["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_89", "sm_90", "sm_100", "sm_120"]


def maquina(diagnostico):
    """Inventa los datos de una máquina a la que corresponde exactamente `diagnostico`."""
    arquitecturas = sorted(random.sample(ARQUITECTURAS, random.randint(4, 7)), key=ARQUITECTURAS.index)
    incluida = random.choice(arquitecturas)
    capacidad = (int(incluida[3:-1]), int(incluida[-1]))
    i = random.randrange(len(VERSIONES))
    build = VERSIONES[i]
    driver = random.choice(VERSIONES[i:])
    if diagnostico == "sin-gpu":
        return random.choice([build, None]), None, None, arquitecturas
    if diagnostico == "variante-cpu":
        return None, driver, capacidad, []
    if diagnostico == "driver-antiguo":
        i = random.randrange(1, len(VERSIONES))
        return VERSIONES[i], random.choice(VERSIONES[:i]), capacidad, arquitecturas
    if diagnostico == "arquitectura-no-incluida":
        fuera = random.choice([a for a in ARQUITECTURAS if a not in arquitecturas])
        return build, driver, (int(fuera[3:-1]), int(fuera[-1])), arquitecturas
    return build, driver, capacidad, arquitecturas


def comprobar(student, diagnostico, veces):
    for _ in range(veces):
        datos = maquina(diagnostico)
        out = student.call("diagnosticar", *datos)
        expect(out == diagnostico,
               f"diagnosticar{datos!r} devolvió {out!r}, pero el diagnóstico es {diagnostico!r}.")


@check("sin driver no hay GPU que usar", points=1)
def sin_gpu(student, reference):
    comprobar(student, "sin-gpu", 3)
    out = student.call("diagnosticar", None, None, None, [])
    expect(out == "sin-gpu", f"diagnosticar(None, None, None, []) devolvió {out!r}: sin driver, el primer "
                             "diagnóstico es 'sin-gpu', aunque además PyTorch sea la variante de CPU.")


@check("reconoce la variante solo CPU aunque haya driver", points=2)
def variante_cpu(student, reference):
    comprobar(student, "variante-cpu", 3)


@check("el driver solo es antiguo si su CUDA es menor que la del build", points=3)
def driver(student, reference):
    comprobar(student, "driver-antiguo", 4)
    comprobar(student, "ok", 4)


@check("detecta una tarjeta cuya arquitectura no trae la rueda", points=2)
def arquitectura(student, reference):
    comprobar(student, "arquitectura-no-incluida", 4)


@check("una versión 12.10 o 13.0 se compara por números, no como texto", points=2)
def versiones(student, reference):
    casos = [("12.8", "12.10", (9, 0), ["sm_80", "sm_90"], "ok"),
             ("12.10", "12.8", (9, 0), ["sm_80", "sm_90"], "driver-antiguo"),
             ("12.8", "13.0", (8, 0), ["sm_80"], "ok"),
             ("9.2", "12.1", (7, 0), ["sm_70"], "ok")]
    random.shuffle(casos)
    for build, driver_, capacidad, arquitecturas, esperado in casos:
        out = student.call("diagnosticar", build, driver_, capacidad, arquitecturas)
        expect(out == esperado, f"diagnosticar({build!r}, {driver_!r}, {capacidad!r}, {arquitecturas!r}) devolvió "
                                f"{out!r}, pero el diagnóstico es {esperado!r}.")
