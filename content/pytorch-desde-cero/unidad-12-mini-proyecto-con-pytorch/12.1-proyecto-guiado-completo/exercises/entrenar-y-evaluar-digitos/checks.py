from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

MAX_EPOCAS, PACIENCIA = 60, 5


def particiones():
    X, y = load_digits(return_X_y=True)
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
    X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.2, stratify=y_tmp,
                                                      random_state=42)
    escalador = StandardScaler().fit(X_train)
    a_tensor = lambda A: torch.tensor(escalador.transform(A), dtype=torch.float32)
    return (a_tensor(X_train), torch.tensor(y_train), a_tensor(X_val), torch.tensor(y_val),
            a_tensor(X_test), torch.tensor(y_test))


_cache = {}


def resultado(student):
    """Entrena una sola vez con el código del alumno y reutiliza el resultado en todas las comprobaciones."""
    if "resultado" not in _cache:
        datos = particiones()
        _cache["datos"] = datos
        _cache["resultado"] = student.call("entrenar_y_evaluar", *datos, MAX_EPOCAS, PACIENCIA)
    salida = _cache["resultado"]
    expect(isinstance(salida, tuple) and len(salida) == 3,
           "entrenar_y_evaluar debe devolver una tupla (modelo, historial, acc_test).")
    modelo, historial, acc_test = salida
    expect_module(modelo, "el modelo devuelto")
    expect(isinstance(historial, dict) and "train" in historial and "val" in historial,
           "historial debe ser un diccionario con las listas \"train\" y \"val\".")
    return modelo, historial, acc_test, _cache["datos"]


def red_del_alumno(modelo, reference):
    red = reference.ClasificadorDigitos()
    try:
        red.load_state_dict(modelo.state_dict)
    except Exception:
        raise CheckFailed("El modelo devuelto no tiene la arquitectura de ClasificadorDigitos del código de "
                          "partida: no cambies la clase.")
    return red.eval()


@check("matriz_confusion cuenta clase real (filas) frente a predicción (columnas)", points=2)
def confusion(student, reference):
    for _ in range(2):
        k = random.randint(3, 10)
        n = random.randint(30, 200)
        y_real = torch.randint(0, k, (n,))
        y_pred = torch.where(torch.rand(n) < 0.6, y_real, torch.randint(0, k, (n,)))
        out = student.call("matriz_confusion", y_real, y_pred, k)
        expect_shape(out, (k, k), "matriz_confusion(y_real, y_pred, n_clases)")
        expect(int(out.sum()) == n, "La suma de la matriz de confusión debe ser el número de ejemplos.")
        expect_close(out, reference.matriz_confusion(y_real, y_pred, k), "la matriz de confusión")


@check("dibujar_confusion crea una figura de matplotlib", points=1)
def figura(student, reference):
    y_real = torch.randint(0, 10, (100,))
    matriz = reference.matriz_confusion(y_real, y_real.roll(1), 10)
    fig = student.call("dibujar_confusion", matriz)
    nombre = getattr(fig, "class_name", type(fig).__name__)
    expect(nombre == "Figure",
           f"dibujar_confusion debe devolver la figura de matplotlib (fig), pero devolvió {nombre}.")


@check("el entrenamiento se detiene con early stopping sobre la pérdida de validación", points=2)
def parada(student, reference):
    _, historial, _, _ = resultado(student)
    train, val = historial["train"], historial["val"]
    expect(isinstance(train, list) and isinstance(val, list) and len(train) == len(val) >= 2,
           "historial[\"train\"] e historial[\"val\"] deben ser listas con una pérdida por época.")
    for v in train:
        expect_plain_number(v, "las pérdidas de entrenamiento del historial")
    val = [expect_plain_number(v, "las pérdidas de validación del historial") for v in val]
    expect(len(val) <= MAX_EPOCAS, f"Se entrenaron {len(val)} épocas; el máximo era {MAX_EPOCAS}.")
    if len(val) < MAX_EPOCAS:
        mejor = val.index(min(val))
        expect(len(val) - 1 - mejor == PACIENCIA,
               f"El entrenamiento paró {len(val) - 1 - mejor} épocas después de la mejor pérdida de "
               f"validación; con paciencia {PACIENCIA} debería parar exactamente {PACIENCIA} épocas después.")


@check("el modelo devuelto es el de la mejor época, en modo evaluación", points=2)
def mejor_estado(student, reference):
    modelo, historial, _, datos = resultado(student)
    expect_eval_mode(modelo, "el modelo devuelto")
    red = red_del_alumno(modelo, reference)
    _, _, X_val, y_val, _, _ = datos
    with torch.no_grad():
        perdida_val = torch.nn.functional.cross_entropy(red(X_val), y_val).item()
    mejor = min(expect_number(v, "las pérdidas de validación") for v in historial["val"])
    expect(abs(perdida_val - mejor) <= 1e-6 + 1e-5 * mejor,
           f"La pérdida de validación del modelo devuelto es {perdida_val:.4f}, pero la mejor registrada en "
           f"historial[\"val\"] es {mejor:.4f}: restaura una copia del mejor estado (y registra la pérdida de "
           f"validación como media sobre todos sus ejemplos, en modo evaluación).")


@check("la exactitud en test supera 0,95 y coincide con la del modelo devuelto", points=3)
def exactitud(student, reference):
    modelo, _, acc_test, datos = resultado(student)
    acc_test = expect_plain_number(acc_test, "acc_test")
    red = red_del_alumno(modelo, reference)
    _, _, _, _, X_test, y_test = datos
    with torch.no_grad():
        acc_real = (red(X_test).argmax(dim=1) == y_test).float().mean().item()
    expect(abs(acc_test - acc_real) <= 1.5 / len(y_test),
           f"acc_test vale {acc_test:.4f}, pero el modelo devuelto acierta {acc_real:.4f} del test: mide la "
           f"exactitud con el modelo final, en modo evaluación.")
    expect(acc_real >= 0.95, f"La exactitud en test es {acc_real:.3f}; el objetivo del proyecto es ≥ 0,95.")
