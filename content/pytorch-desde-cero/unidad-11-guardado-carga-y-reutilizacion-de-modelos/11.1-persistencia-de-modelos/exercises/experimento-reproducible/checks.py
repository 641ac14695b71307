def ejecutar(student, semilla, epocas=5):
    resultado = student.call("experimento", semilla, epocas)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "experimento debe devolver una tupla (modelo, perdidas).")
    modelo, perdidas = resultado
    expect_module(modelo, "el modelo devuelto")
    expect(isinstance(perdidas, list) and len(perdidas) == epocas,
           f"perdidas debe ser una lista con una pérdida por época ({epocas} épocas → {epocas} valores).")
    return modelo, [expect_plain_number(p, "cada pérdida") for p in perdidas]


def mismos_pesos(a, b):
    return set(a.state_dict) == set(b.state_dict) and all(torch.equal(a.state_dict[k], b.state_dict[k])
                                                          for k in a.state_dict)


@check("la pérdida media por época baja durante el entrenamiento", points=3)
def aprende(student, reference):
    _, perdidas = ejecutar(student, random.randint(0, 10**6), 6)
    expect_decreased(perdidas, "la pérdida", min_ratio=0.9)


@check("con la misma semilla, el resultado es idéntico", points=4)
def misma_semilla(student, reference):
    semilla = random.randint(0, 10**6)
    modelo_1, perdidas_1 = ejecutar(student, semilla)
    ejecutar(student, semilla + 1)          # otra ejecución por medio, que mueve los generadores globales
    modelo_2, perdidas_2 = ejecutar(student, semilla)
    expect(perdidas_1 == perdidas_2,
           "Dos ejecuciones con la misma semilla dan pérdidas distintas: alguna fuente de azar no está "
           "controlada por la semilla (o se fija demasiado tarde).")
    expect(mismos_pesos(modelo_1, modelo_2),
           "Dos ejecuciones con la misma semilla terminan con pesos distintos.")


@check("con semillas distintas, el resultado cambia", points=3)
def semillas_distintas(student, reference):
    semilla = random.randint(0, 10**6)
    modelo_1, perdidas_1 = ejecutar(student, semilla)
    modelo_2, perdidas_2 = ejecutar(student, semilla + random.randint(1, 1000))
    expect(perdidas_1 != perdidas_2 and not mismos_pesos(modelo_1, modelo_2),
           "Con semillas distintas obtienes exactamente el mismo resultado: ¿usas de verdad la semilla que "
           "recibe la función?")
