def datos():
    n_tr = random.choice([150, 170, 190, 210, 230])     # nunca múltiplo de 32
    n_va = random.randint(60, 120)
    w = torch.randn(4, 1)
    X = torch.randn(n_tr + n_va, 4)
    y = X @ w + 0.1 * torch.randn(n_tr + n_va, 1)
    return X[:n_tr], y[:n_tr], X[n_tr:], y[n_tr:]


def entrenar(student, epocas, semilla=None):
    X_tr, y_tr, X_va, y_va = datos()
    semilla = random.randint(0, 10_000) if semilla is None else semilla
    out = student.call("entrenar_con_curvas", X_tr, y_tr, X_va, y_va, epocas, semilla)
    expect(isinstance(out, tuple) and len(out) == 2,
           "entrenar_con_curvas debe devolver una tupla (modelo, historial).")
    modelo, historial = out
    expect(isinstance(historial, dict) and "train" in historial and "val" in historial,
           "historial debe ser un diccionario con las claves 'train' y 'val'.")
    return (X_tr, y_tr, X_va, y_va, semilla), modelo, historial


@check("el historial tiene un valor de train y otro de val por época", points=2)
def longitudes(student, reference):
    epocas = random.randint(5, 9)
    _, modelo, historial = entrenar(student, epocas)
    expect_module(modelo, "el modelo devuelto")
    for clave in ("train", "val"):
        valores = historial[clave]
        expect(isinstance(valores, list), f"historial['{clave}'] debe ser una lista.")
        expect(len(valores) == epocas,
               f"historial['{clave}'] tiene {len(valores)} valores tras {epocas} épocas: "
               "debe haber exactamente uno por época.")


@check("el historial guarda números de Python, no tensores", points=1)
def numeros(student, reference):
    _, _, historial = entrenar(student, 3)
    for clave in ("train", "val"):
        expect(isinstance(historial[clave], list) and len(historial[clave]) > 0,
               f"historial['{clave}'] debe ser una lista con un valor por época.")
        for v in historial[clave]:
            expect(isinstance(v, (int, float)) and not isinstance(v, bool),
                   f"historial['{clave}'] contiene un {type(v).__name__}: guarda cada pérdida con .item().")


@check("la pérdida de validación se mide con el modelo en modo evaluación", points=3)
def validacion_en_eval(student, reference):
    (X_tr, y_tr, X_va, y_va, _), modelo, historial = entrenar(student, 4)
    expect_module(modelo, "el modelo devuelto")
    expect(len(historial["val"]) > 0, "historial['val'] está vacío.")
    copia = reference.crear_modelo()
    try:
        copia.load_state_dict(modelo.state_dict)
    except Exception:
        expect(False, "El modelo devuelto no tiene la arquitectura de crear_modelo(): no lo cambies.")
    copia.eval()
    with torch.no_grad():
        esperado = torch.nn.functional.mse_loss(copia(X_va), y_va).item()
    ultimo = expect_number(historial["val"][-1], "historial['val'][-1]")
    expect(abs(ultimo - esperado) <= 1e-4 * max(1.0, abs(esperado)),
           f"La última pérdida de validación registrada ({ultimo:.4f}) no es la del modelo final en modo "
           f"evaluación ({esperado:.4f}). ¿Desactivas el Dropout con modelo.eval() antes de validar?")


@check("las pérdidas registradas coinciden con las esperadas (train ponderada por lote)", points=2)
def coincide(student, reference):
    (X_tr, y_tr, X_va, y_va, semilla), _, historial = entrenar(student, 8)
    _, esperado = reference.entrenar_con_curvas(X_tr, y_tr, X_va, y_va, 8, semilla)
    for clave in ("train", "val"):
        valores = [expect_number(v, f"historial['{clave}']") for v in historial[clave]]
        expect(len(valores) == len(esperado[clave]), f"historial['{clave}'] no tiene un valor por época.")
        expect_close(torch.tensor(valores), torch.tensor(esperado[clave]), f"historial['{clave}']",
                     rtol=1e-4, atol=1e-6)


@check("las curvas de entrenamiento y de validación bajan", points=2)
def bajan(student, reference):
    _, _, historial = entrenar(student, 15)
    expect_decreased(historial["train"], "la pérdida de entrenamiento", min_ratio=0.5)
    expect_decreased(historial["val"], "la pérdida de validación", min_ratio=0.5)
