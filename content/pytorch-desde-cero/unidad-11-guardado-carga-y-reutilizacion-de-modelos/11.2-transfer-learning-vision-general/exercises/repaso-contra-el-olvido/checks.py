def conjuntos():
    n_nuevo, n_viejo = random.randint(40, 80), random.randint(150, 250)
    X_nuevo, X_viejo = torch.randn(n_nuevo, 4), torch.randn(n_viejo, 4)
    # la columna 0 identifica la fila: 1000 + i para los nuevos, i para los antiguos
    X_nuevo[:, 0] = 1000 + torch.arange(n_nuevo).float()
    X_viejo[:, 0] = torch.arange(n_viejo).float()
    y_nuevo = torch.randint(5, 10, (n_nuevo,))
    y_viejo = torch.randint(0, 5, (n_viejo,))
    return X_nuevo, y_nuevo, X_viejo, y_viejo


def mezcla(student, fraccion, semilla=None):
    datos = conjuntos()
    semilla = random.randint(0, 10**6) if semilla is None else semilla
    out = student.call("mezcla_con_repaso", *datos, fraccion, semilla)
    expect(isinstance(out, tuple) and len(out) == 2, "mezcla_con_repaso debe devolver la tupla (X, y).")
    X, y = out
    expect_tensor(X, "X")
    expect_tensor(y, "y")
    expect(X.dim() == 2 and X.shape[1] == 4 and y.shape == (X.shape[0],),
           f"X debe tener forma (M, 4) e y forma (M,), pero tienen {tuple(X.shape)} y {tuple(y.shape)}.")
    return datos, X, y


@check("incluye todos los nuevos y k antiguos distintos, con sus etiquetas", points=5)
def contenido(student, reference):
    fraccion = random.choice([0.5, 0.8, 1.0, 1.5])
    (X_nuevo, y_nuevo, X_viejo, y_viejo), X, y = mezcla(student, fraccion)
    k = round(fraccion * len(y_nuevo))
    ids = X[:, 0].long()
    nuevos, viejos = ids[ids >= 1000] - 1000, ids[ids < 1000]
    expect(torch.equal(nuevos.sort().values, torch.arange(len(y_nuevo))),
           "La mezcla no contiene cada ejemplo nuevo exactamente una vez.")
    expect(len(viejos) == k,
           f"Con {len(y_nuevo)} ejemplos nuevos y fraccion={fraccion} se esperaban {k} ejemplos antiguos, "
           f"pero hay {len(viejos)}. ¿Respecto a qué conjunto mides la fracción?")
    expect(len(set(viejos.tolist())) == k,
           "Algún ejemplo antiguo aparece repetido: elige los de repaso sin reemplazo.")
    esperadas = torch.where(ids >= 1000, y_nuevo[(ids - 1000).clamp(min=0, max=len(y_nuevo) - 1)],
                            y_viejo[ids.clamp(max=len(y_viejo) - 1)])
    expect(torch.equal(y, esperadas), "Alguna fila de X ya no lleva su etiqueta en y.")


@check("elige los antiguos al azar y baraja la mezcla", points=3)
def al_azar(student, reference):
    (X_nuevo, y_nuevo, _, _), X, _ = mezcla(student, 1.0)
    ids = X[:, 0].long()
    viejos = ids[ids < 1000]
    expect(viejos.max().item() >= len(viejos),
           "Los ejemplos antiguos elegidos son los primeros de la lista: la muestra de repaso debe ser aleatoria.")
    primeros = ids[:len(y_nuevo)]
    expect(not bool((primeros >= 1000).all()),
           "La mezcla empieza con todos los ejemplos nuevos y termina con los antiguos: baraja el resultado.")


@check("la misma semilla da la misma mezcla", points=2)
def reproducible(student, reference):
    datos = conjuntos()
    semilla = random.randint(0, 10**6)
    a = student.call("mezcla_con_repaso", *datos, 0.5, semilla)
    b = student.call("mezcla_con_repaso", *datos, 0.5, semilla)
    expect(torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]),
           "Con la misma semilla, mezcla_con_repaso da resultados distintos: usa el generador en cada sorteo.")
