FORMAS = [(64, 10), (64,), (64, 64), (64,), (3, 64), (3,)]


def lote():
    return torch.randn(random.randint(32, 64), 10)


def pesos_del_modelo(student):
    """Los tensores del state_dict de `modelo`, en el orden en que se declararon las capas."""
    modulo = student.get("modelo")
    expect_module(modulo, "modelo")
    valores = list(modulo.state_dict.values())
    formas = [tuple(v.shape) for v in valores]
    expect(formas == FORMAS,
           f"Los parámetros de `modelo` tienen formas {formas}; se esperaban tres capas lineales "
           "10 → 64 → 64 → 3 declaradas en ese orden.")
    return valores


@check("modelo tiene tres capas lineales 10 → 64 → 64 → 3", points=2)
def estructura(student, reference):
    pesos_del_modelo(student)
    x = lote()
    student.call("modelo.eval")
    out = student.call("modelo", x)
    expect_shape(out, (x.shape[0], 3), "modelo(x)")


@check("en modo evaluación el modelo es determinista y usa la red completa", points=3)
def evaluacion(student, reference):
    valores = pesos_del_modelo(student)
    x = lote()
    student.call("modelo.eval")
    primera = student.call("modelo", x)
    segunda = student.call("modelo", x)
    expect_shape(primera, (x.shape[0], 3), "modelo(x)")
    expect(torch.equal(primera, segunda),
           "En modo evaluación, dos llamadas con el mismo lote dan salidas distintas: el dropout sigue "
           "activo. ¿Usas una versión de dropout que ignora modelo.eval()?")
    red = reference.MLP(10, 64, 3, p=0.3)
    red.load_state_dict(dict(zip(red.state_dict().keys(), valores)))
    red.eval()
    with torch.no_grad():
        esperado = red(x)
    expect_close(primera, esperado, "modelo(x) en modo evaluación", rtol=1e-4, atol=1e-5)


@check("en modo entrenamiento el dropout hace que las salidas cambien", points=2)
def entrenamiento(student, reference):
    pesos_del_modelo(student)
    x = lote()
    student.call("modelo.train")
    primera = student.call("modelo", x)
    segunda = student.call("modelo", x)
    expect_shape(primera, (x.shape[0], 3), "modelo(x)")
    expect(not torch.equal(primera, segunda),
           "En modo entrenamiento, dos llamadas con el mismo lote dan exactamente la misma salida: "
           "no hay dropout activo en las capas ocultas.")


@check("no hay dropout después de la capa de salida", points=1)
def salida_sin_dropout(student, reference):
    pesos_del_modelo(student)
    x = torch.randn(200, 10)
    student.call("modelo.train")
    out = student.call("modelo", x)
    expect_shape(out, (200, 3), "modelo(x)")
    ceros = int((out == 0).sum())
    expect(ceros == 0,
           f"En modo entrenamiento, {ceros} salidas valen exactamente 0: hay un dropout aplicado "
           "directamente a la predicción.")


@check("predecir es determinista y no registra gradientes", points=2)
def prediccion(student, reference):
    pesos_del_modelo(student)
    x = lote()
    student.call("modelo.train")                  # alguien dejó el modelo en modo entrenamiento
    primera = student.call("predecir", x)
    student.call("modelo.train")
    segunda = student.call("predecir", x)
    expect_shape(primera, (x.shape[0], 3), "predecir(x)")
    expect(torch.equal(primera, segunda),
           "predecir(x) da resultados distintos con el mismo lote si el modelo estaba en modo "
           "entrenamiento: ponlo en modo evaluación antes de predecir.")
    expect_requires_grad(primera, False, "predecir(x)")
