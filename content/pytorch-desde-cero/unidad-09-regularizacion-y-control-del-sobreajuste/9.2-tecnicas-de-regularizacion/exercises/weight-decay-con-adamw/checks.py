def datos():
    n, d = random.randint(60, 120), random.randint(3, 8)
    X = torch.randn(n, d)
    y = X @ torch.randn(d, 1) + 0.1 * torch.randn(n, 1)
    return X, y


def entrenar(student, X, y, weight_decay, pasos, semilla):
    out = student.call("entrenar", X, y, weight_decay, pasos, semilla)
    expect(isinstance(out, tuple) and len(out) == 2, "entrenar debe devolver una tupla (modelo, optimizador).")
    modelo, optimizador = out
    expect_module(modelo, "el modelo devuelto")
    return modelo, optimizador


def norma_de_pesos(state_dict):
    return math.sqrt(sum(float((v ** 2).sum()) for v in state_dict.values() if v.ndim > 1))


@check("el optimizador es AdamW con un grupo con weight decay y otro sin él", points=3)
def grupos(student, reference):
    X, y = datos()
    wd = random.choice([0.3, 0.5, 0.8])
    _, optimizador = entrenar(student, X, y, wd, 2, random.randint(0, 10_000))
    expect(isinstance(optimizador, StudentObject) and "param_groups" in optimizador.extra,
           "El segundo valor que devuelve entrenar debe ser el optimizador.")
    expect(optimizador.class_name == "AdamW",
           f"El optimizador es {optimizador.class_name}; se pide torch.optim.AdamW (weight decay desacoplado).")
    grupos = optimizador.extra["param_groups"]
    expect(len(grupos) == 2,
           f"El optimizador tiene {len(grupos)} grupo(s) de parámetros; se esperaban 2 (pesos y sesgos).")
    decays = sorted(float(g.get("weight_decay", -1)) for g in grupos)
    expect(abs(decays[0]) < 1e-12 and abs(decays[1] - wd) < 1e-12,
           f"Los grupos tienen weight_decay {decays}; con weight_decay={wd} se esperaba un grupo con {wd} "
           "y otro con 0.0.")
    for g in grupos:
        expect(abs(float(g.get("lr", -1)) - 0.01) < 1e-12, "Los dos grupos deben usar lr=0.01.")


@check("con weight decay los pesos terminan más pequeños que sin él", points=3)
def encoge(student, reference):
    X, y = datos()
    semilla = random.randint(0, 10_000)
    libre, _ = entrenar(student, X, y, 0.0, 100, semilla)
    regularizado, _ = entrenar(student, X, y, 1.0, 100, semilla)
    n_libre, n_reg = norma_de_pesos(libre.state_dict), norma_de_pesos(regularizado.state_dict)
    expect(n_reg < 0.95 * n_libre,
           f"Con la misma semilla, la norma de los pesos es {n_libre:.3f} sin weight decay y {n_reg:.3f} "
           "con weight_decay=1.0: el weight decay no está encogiendo los pesos.")


@check("el modelo entrenado coincide con el esperado (sesgos sin weight decay)", points=4)
def coincide(student, reference):
    X, y = datos()
    semilla, wd = random.randint(0, 10_000), random.choice([0.5, 1.0])
    modelo, _ = entrenar(student, X, y, wd, 100, semilla)
    esperado, _ = reference.entrenar(X, y, wd, 100, semilla)
    propios = modelo.state_dict
    for nombre, valor in esperado.state_dict().items():
        expect(nombre in propios, f"Al modelo le falta el parámetro '{nombre}': no cambies crear_modelo.")
        expect_shape(propios[nombre], tuple(valor.shape), nombre)
        expect(torch.allclose(propios[nombre].double(), valor.double(), rtol=1e-3, atol=1e-5),
               f"Con la misma semilla, '{nombre}' no coincide con el del entrenamiento esperado. Revisa que el "
               "weight decay lo aplique solo AdamW, solo a las matrices de pesos (los sesgos con 0.0), que no "
               "sumes ninguna penalización a la pérdida y que cada paso sea zero_grad, backward y step.")
