def lote():
    return torch.randn(random.randint(6, 16), 4) * 2


def esperadas(student, reference, x):
    estado = student.get("modelo")
    expect_module(estado, "modelo")
    red = reference.Clasificador()
    try:
        red.load_state_dict(estado.state_dict)
    except Exception:
        raise CheckFailed("`modelo` no tiene la arquitectura del enunciado: no cambies la clase Clasificador.")
    red.eval()
    with torch.no_grad():
        return torch.softmax(red(x), dim=1)


@check("predecir devuelve las probabilidades sin Dropout, aunque el modelo esté entrenando", points=4)
def sin_dropout(student, reference):
    x = lote()
    student.call("modelo.train")
    for _ in range(2):
        probs = student.call("modelo.predecir", x)
        expect_shape(probs, (x.shape[0], 3), "modelo.predecir(x)")
        expect_close(probs.sum(dim=1), torch.ones(x.shape[0]), "la suma de cada fila de probabilidades",
                     rtol=1e-4, atol=1e-4)
        expect(torch.allclose(probs, esperadas(student, reference, x), rtol=1e-4, atol=1e-5),
               "Las probabilidades no coinciden con las del modelo sin Dropout: con el modelo en modo "
               "entrenamiento, ¿desactivas el Dropout antes de predecir?")


@check("el resultado de predecir no guarda el grafo de autograd", points=3)
def sin_grafo(student, reference):
    student.call("modelo.train")
    probs = student.call("modelo.predecir", lote())
    expect_tensor(probs, "modelo.predecir(x)")
    expect(not probs.student_requires_grad and probs.student_grad_fn is None,
           "El resultado de predecir tiene requires_grad=True: se ha construido el grafo de autograd, que "
           "en una predicción solo gasta memoria. Poner el modelo en modo evaluación no basta para evitarlo.")


@check("predecir deja el modelo en el mismo modo en que estaba", points=3)
def restaura_el_modo(student, reference):
    student.call("modelo.train")
    expect_tensor(student.call("modelo.predecir", lote()), "modelo.predecir(x)")
    estado = student.get("modelo")
    expect_module(estado, "modelo")
    expect(all(estado.modes.values()),
           "Después de predecir con el modelo en modo entrenamiento, el modelo (o alguna de sus capas) se ha "
           "quedado en modo evaluación: el entrenamiento seguiría sin Dropout.")
    student.call("modelo.eval")
    student.call("modelo.predecir", lote())
    estado = student.get("modelo")
    expect(not any(estado.modes.values()),
           "Si el modelo estaba en modo evaluación antes de predecir, debe seguir en evaluación después.")
