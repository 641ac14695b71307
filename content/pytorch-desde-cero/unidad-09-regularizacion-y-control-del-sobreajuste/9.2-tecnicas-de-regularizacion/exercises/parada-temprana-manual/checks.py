def curva_en_u():
    n_baja, n_sube = random.randint(4, 10), random.randint(6, 12)
    baja = [2.0 * (0.8 ** i) + 0.01 * random.random() for i in range(n_baja)]
    sube = [baja[-1] + 0.05 * (i + 1) + 0.01 * random.random() for i in range(n_sube)]
    return baja + sube


def curva_ruidosa():
    valor, curva = 1.0, []
    for _ in range(random.randint(15, 30)):
        valor = max(0.05, valor + random.uniform(-0.1, 0.07))
        curva.append(round(valor, 4))
    return curva


def comparar(student, reference, curva, paciencia, min_delta=0.0, aviso=""):
    out = student.call("parada_temprana", curva, paciencia, min_delta)
    expect(isinstance(out, tuple) and len(out) == 2,
           "parada_temprana debe devolver una tupla (mejor_epoca, epoca_parada).")
    esperado = reference.parada_temprana(curva, paciencia, min_delta)
    expect(tuple(out) == esperado,
           f"Con la curva {curva}, paciencia={paciencia} y min_delta={min_delta}, parada_temprana devuelve "
           f"{tuple(out)}, pero no es el resultado esperado.{aviso}")


def datos():
    n_tr = random.randint(20, 30)
    X_tr = torch.rand(n_tr, 1) * 4 - 2
    X_va = torch.rand(200, 1) * 4 - 2
    return X_tr, torch.sin(2 * X_tr) + 0.5 * torch.randn(n_tr, 1), X_va, torch.sin(2 * X_va) + 0.5 * torch.randn(200, 1)


def entrenar(student, paciencia=15, max_epocas=400):
    X_tr, y_tr, X_va, y_va = datos()
    out = student.call("entrenar_con_parada", X_tr, y_tr, X_va, y_va, paciencia, max_epocas)
    expect(isinstance(out, tuple) and len(out) == 3,
           "entrenar_con_parada debe devolver una tupla (modelo, mejor_epoca, historial_val).")
    modelo, mejor_epoca, historial = out
    expect_module(modelo, "el modelo devuelto")
    expect(isinstance(historial, list) and len(historial) > 0,
           "historial_val debe ser una lista con la pérdida de validación de cada época.")
    historial = [expect_number(v, "historial_val") for v in historial]
    expect(isinstance(mejor_epoca, int) and 1 <= mejor_epoca <= len(historial),
           f"mejor_epoca debe ser un entero entre 1 y {len(historial)} (épocas numeradas desde 1), "
           f"pero es {mejor_epoca!r}.")
    return (X_va, y_va), modelo, mejor_epoca, historial


@check("parada_temprana encuentra la mejor época y la de parada en curvas aleatorias", points=2)
def curvas(student, reference):
    for _ in range(3):
        comparar(student, reference, curva_en_u(), random.randint(2, 5))
        comparar(student, reference, curva_ruidosa(), random.randint(2, 5))


@check("parada_temprana respeta los empates, min_delta y las curvas que no se estancan", points=2)
def casos_limite(student, reference):
    base = round(random.uniform(0.5, 1.0), 3)
    empate = [base + 0.5, base, base, base, base + 0.1, base + 0.2, base + 0.3, base + 0.4]
    comparar(student, reference, empate, 3, aviso=" Un empate con la mejor pérdida no cuenta como mejora.")
    mejoras_minimas = [1.0, 0.9, 0.8995, 0.899, 0.8985, 0.898, 0.8975, 0.897]
    comparar(student, reference, mejoras_minimas, 3, min_delta=0.01,
             aviso=" Una mejora menor que min_delta no reinicia la paciencia.")
    siempre_baja = [1.0 / (i + 1) for i in range(random.randint(5, 12))]
    comparar(student, reference, siempre_baja, 3,
             aviso=" Si la paciencia nunca se agota, la época de parada es la última.")


@check("el entrenamiento se detiene cuando se agota la paciencia", points=3)
def se_detiene(student, reference):
    paciencia = random.randint(10, 15)
    _, _, mejor_epoca, historial = entrenar(student, paciencia=paciencia)
    mejor_esperada, parada_esperada = reference.parada_temprana(historial, paciencia)
    expect(mejor_epoca == mejor_esperada,
           f"Según tu propio historial, la mejor época es la {mejor_esperada}, pero devuelves {mejor_epoca}.")
    expect(len(historial) == parada_esperada,
           f"Con paciencia={paciencia}, tu entrenamiento debería haberse detenido en la época "
           f"{parada_esperada}, pero el historial tiene {len(historial)} épocas.")


@check("el modelo devuelto tiene los pesos de la mejor época", points=3)
def restaura(student, reference):
    (X_va, y_va), modelo, mejor_epoca, historial = entrenar(student)
    copia = reference.crear_modelo()
    try:
        copia.load_state_dict(modelo.state_dict)
    except Exception:
        expect(False, "El modelo devuelto no tiene la arquitectura de crear_modelo(): no la cambies.")
    copia.eval()
    with torch.no_grad():
        perdida = torch.nn.functional.mse_loss(copia(X_va), y_va).item()
    # The reported history is the student's own; the effect of training is measured on the grader's data.
    linea_base = ((y_va - y_va.mean()) ** 2).mean().item()
    expect(perdida < 0.8 * linea_base,
           f"El modelo devuelto tiene una pérdida de validación de {perdida:.3f}, casi la de predecir siempre la "
           f"media ({linea_base:.3f}): no ha aprendido. ¿Se actualizan los pesos en cada época (optimizador.step())?")
    mejor = historial[mejor_epoca - 1]
    expect(abs(perdida - mejor) <= 1e-5 * max(1.0, abs(mejor)),
           f"El modelo devuelto tiene una pérdida de validación de {perdida:.5f}, pero la de la mejor época "
           f"era {mejor:.5f}: no se han restaurado los pesos de la mejor época. ¿Guardaste una copia "
           "independiente del state_dict?")
