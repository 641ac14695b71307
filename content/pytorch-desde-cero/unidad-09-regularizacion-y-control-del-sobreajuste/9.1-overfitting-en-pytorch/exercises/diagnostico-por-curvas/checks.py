def ruido(valor, nivel=0.002):
    return valor * (1 + random.uniform(-nivel, nivel))


def curva_sobreajuste():
    n = random.randint(30, 60)
    m = random.randint(n // 4, n // 2)                 # época del mínimo de validación
    inicio, minimo = random.uniform(1.5, 2.5), random.uniform(0.4, 0.6)
    final = minimo * random.uniform(1.3, 1.8)           # sube, pero sin volver al valor inicial
    val = [inicio + (minimo - inicio) * (t / m) ** 0.5 if t <= m else minimo + (final - minimo) * (t - m) / (n - 1 - m)
           for t in range(n)]
    train = [inicio * 0.9 ** t + 0.001 for t in range(n)]
    return train, [ruido(v) for v in val]


def curva_inestable():
    n = random.randint(30, 60)
    m = random.randint(n // 4, n // 2)
    inicio, minimo = random.uniform(1.5, 2.5), random.uniform(0.4, 0.6)
    val = [inicio + (minimo - inicio) * t / m if t <= m else minimo * (1 + 0.05 * (t - m)) for t in range(n)]
    train = [v * random.uniform(0.85, 0.95) for v in val]   # el entrenamiento también empeora
    return train, val


def curva_entrenar_mas():
    n = random.randint(30, 60)
    inicio, final = random.uniform(1.5, 2.5), random.uniform(0.6, 0.9)
    val = [inicio + (final - inicio) * t / (n - 1) for t in range(n)]
    train = [v * 0.9 for v in val]
    return train, [ruido(v, 0.001) for v in val]


def curva_estable():
    n = random.randint(30, 60)
    meseta = random.uniform(0.4, 0.7)
    val = [meseta + 1.5 * 0.7 ** t for t in range(n)]
    train = [0.05 + 1.5 * 0.75 ** t for t in range(n)]   # hueco grande, pero la validación no empeora
    return train, [ruido(v, 0.002) for v in val]


def comprobar(student, reference, generador, etiqueta, pista):
    for _ in range(4):
        train, val = generador()
        esperado = reference.diagnosticar(train, val)
        out = student.call("diagnosticar", train, val)
        expect(isinstance(out, str), f"diagnosticar debe devolver una cadena de texto, pero devuelve {type(out).__name__}.")
        expect(out == esperado,
               f"Con una curva de tipo '{etiqueta}' diagnosticar devuelve '{out}'. {pista}")


@check("detecta el sobreajuste aunque la validación final siga por debajo de la inicial", points=3)
def sobreajuste(student, reference):
    comprobar(student, reference, curva_sobreajuste, "sobreajuste",
              "La validación tocó un mínimo y después subió más de un 10 % mientras el entrenamiento seguía "
              "bajando. Compara con el mínimo, no con la primera época.")


@check("distingue un entrenamiento inestable (también empeora el entrenamiento)", points=2)
def inestable(student, reference):
    comprobar(student, reference, curva_inestable, "inestable",
              "La validación sube desde su mínimo, pero la pérdida de entrenamiento también: eso no es "
              "sobreajuste. Mira qué hizo la pérdida de entrenamiento desde la época del mínimo.")


@check("reconoce que la validación todavía mejora", points=2)
def entrenar_mas(student, reference):
    comprobar(student, reference, curva_entrenar_mas, "entrenar_mas",
              "En el último 20 % de las épocas la validación sigue bajando claramente.")


@check("un hueco estable entre train y validación no es sobreajuste", points=3)
def estable(student, reference):
    comprobar(student, reference, curva_estable, "estable",
              "La validación no ha empeorado ni sigue mejorando: un hueco grande pero estable entre las "
              "dos curvas no indica sobreajuste.")
