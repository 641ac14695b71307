from torch import nn


def datos():
    W = torch.randn(4, 3) * 2
    def muestra(n):
        X = torch.randn(n, 4)
        return X, (X @ W + 0.3 * torch.randn(n, 3)).argmax(dim=1)
    return muestra(240) + muestra(80)


def llamar(student, epocas):
    X_tr, y_tr, X_va, y_va = datos()
    resultado = student.call("entrenar", X_tr, y_tr, X_va, y_va, epocas)
    expect(isinstance(resultado, tuple) and len(resultado) == 3,
           "entrenar debe devolver una tupla (modelo, perdidas_train, perdidas_val).")
    modelo, train, val = resultado
    expect_module(modelo, "el modelo devuelto")
    for nombre, lista in (("perdidas_train", train), ("perdidas_val", val)):
        expect(isinstance(lista, list) and len(lista) == epocas,
               f"{nombre} debe ser una lista con un valor por época ({epocas} épocas → {epocas} valores).")
        for valor in lista:
            expect(isinstance(valor, float),
                   f"Los valores de {nombre} deben ser números de Python, pero hay un {type(valor).__name__}: "
                   "guardar la pérdida como tensor arrastra su grafo.")
    return modelo, train, val, (X_tr, y_tr, X_va, y_va)


@check("entrenar devuelve el modelo y las dos listas de pérdidas", points=2)
def devuelve(student, reference):
    llamar(student, 5)


@check("la última pérdida de validación es la del modelo final, sin Dropout, en los datos de validación", points=3)
def validacion_correcta(student, reference):
    modelo, _, val, (_, _, X_va, y_va) = llamar(student, 20)
    red = reference.crear_modelo()
    try:
        red.load_state_dict(modelo.state_dict)
    except Exception:
        raise CheckFailed("El modelo devuelto no tiene la arquitectura de crear_modelo(): no la cambies.")
    red.eval()
    with torch.no_grad():
        esperada = nn.CrossEntropyLoss()(red(X_va), y_va).item()
    expect(abs(val[-1] - esperada) <= 1e-4 * abs(esperada) + 1e-5,
           f"La última pérdida de validación que guardas es {val[-1]:.4f}, pero el modelo que devuelves, evaluado "
           f"en los datos de validación en modo evaluación, da {esperada:.4f}. Revisa qué datos usas para validar, "
           "en qué modo está el modelo y en qué momento de la época validas.")


@check("el entrenamiento se hace en modo train y la validación en modo eval", points=3)
def modos(student, reference):
    epocas = random.randint(8, 15)
    modelo, _, _, _ = llamar(student, epocas)
    contador = modelo.state_dict.get("1.num_batches_tracked")
    expect(contador is not None, "El modelo devuelto no tiene la arquitectura de crear_modelo(): no la cambies.")
    pasadas = int(contador)
    veces = "vez" if pasadas == 1 else "veces"
    expect(pasadas <= epocas,
           f"BatchNorm actualizó sus estadísticas {pasadas} {veces} en {epocas} épocas con un paso de entrenamiento "
           "por época: también las ha actualizado al validar, porque el modelo seguía en modo entrenamiento.")
    expect(pasadas == epocas,
           f"BatchNorm solo actualizó sus estadísticas {pasadas} {veces} en {epocas} épocas: a partir de algún "
           "momento el modelo entrena en modo evaluación (sin Dropout y con BatchNorm congelado).")


@check("las pérdidas de entrenamiento y de validación bajan", points=2)
def bajan(student, reference):
    _, train, val, _ = llamar(student, 60)
    expect_decreased(train, "la pérdida de entrenamiento", min_ratio=0.6)
    expect_decreased(val, "la pérdida de validación", min_ratio=0.6)
