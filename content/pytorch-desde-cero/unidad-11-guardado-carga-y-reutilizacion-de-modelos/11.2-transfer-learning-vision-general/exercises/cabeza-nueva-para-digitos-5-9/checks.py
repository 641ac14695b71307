import ast
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def cuerpo(modelo):
    return {k: v for k, v in modelo.state_dict.items() if k.startswith("cuerpo.")}


def preparado(student):
    modelo = student.call("preparar_modelo")
    expect_module(modelo, "preparar_modelo()")
    claves = set(modelo.state_dict)
    esperadas = {"cuerpo.0.weight", "cuerpo.0.bias", "cuerpo.2.weight", "cuerpo.2.bias",
                 "cabeza.weight", "cabeza.bias"}
    expect(claves == esperadas,
           "El modelo no tiene la estructura de DigitsMLP (cuerpo.0, cuerpo.2 y cabeza): no cambies la clase.")
    return modelo


def datos_5_9():
    X, y = load_digits(return_X_y=True)
    mascara = y >= 5
    X_tr, X_te, y_tr, y_te = train_test_split(X[mascara], y[mascara], train_size=150, stratify=y[mascara],
                                              random_state=random.randint(0, 10**6))
    return (torch.tensor(X_tr, dtype=torch.float32), torch.tensor(y_tr, dtype=torch.long),
            torch.tensor(X_te, dtype=torch.float32), torch.tensor(y_te, dtype=torch.long))


_cache = {}


def ajustado(student):
    if "modelo" not in _cache:
        X_tr, y_tr, X_te, y_te = datos_5_9()
        _cache["datos"] = (X_te, y_te)
        _cache["modelo"] = student.call("ajustar", X_tr, y_tr, 200)
    modelo = _cache["modelo"]
    expect_module(modelo, "ajustar(X, y)")
    return modelo


def carga_segura(source):
    """True if the code calls torch.load and no call turns off weights_only (True is the default in torch 2.13)."""
    llamadas = [n for n in ast.walk(source.tree) if isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute) and n.func.attr == "load"]
    return bool(llamadas) and not any(
        k.arg == "weights_only" and not (isinstance(k.value, ast.Constant) and k.value.value is True)
        for llamada in llamadas for k in llamada.keywords)


@check("preparar_modelo devuelve DigitsMLP con una cabeza de 5 salidas", points=2)
def cabeza_nueva(student, reference):
    modelo = preparado(student)
    expect_shape(modelo.state_dict["cabeza.weight"], (5, 64), "cabeza.weight")
    expect_shape(modelo.state_dict["cabeza.bias"], (5,), "cabeza.bias")
    expect_shape(modelo.state_dict["cuerpo.0.weight"], (128, 64), "cuerpo.0.weight")


@check("el cuerpo está congelado y la cabeza se entrena", points=2)
def congelado(student, reference):
    modelo = preparado(student)
    for nombre, info in modelo.parameters.items():
        if nombre.startswith("cuerpo."):
            expect(not info["requires_grad"],
                   f"'{nombre}' sigue con requires_grad=True: el cuerpo no está congelado de verdad.")
        else:
            expect(info["requires_grad"], f"'{nombre}' debería poder entrenarse (requires_grad=True).")


@check("el cuerpo contiene los pesos preentrenados", points=2)
def pesos_cargados(student, reference):
    expect(carga_segura(student.source),
           "Carga los pesos con torch.load(..., weights_only=True): con weights_only=False, un .pt ajeno puede "
           "ejecutar código al cargarse.")
    a, b = cuerpo(preparado(student)), cuerpo(preparado(student))
    expect(all(torch.equal(a[k], b[k]) for k in a),
           "Dos llamadas a preparar_modelo() dan cuerpos distintos: los pesos del cuerpo son aleatorios, "
           "no los del fichero preentrenado.")


@check("entrenar la cabeza no modifica el cuerpo", points=2)
def cuerpo_intacto(student, reference):
    antes = cuerpo(preparado(student))
    despues = cuerpo(ajustado(student))
    expect(set(antes) == set(despues), "El modelo ajustado no tiene la estructura de DigitsMLP.")
    expect(all(torch.equal(antes[k], despues[k]) for k in antes),
           "El cuerpo del modelo ajustado no coincide con el de preparar_modelo(): tras entrenar, el cuerpo debe "
           "seguir siendo el preentrenado, sin cambios.")


@check("el modelo ajustado reconoce dígitos 5–9 que no ha visto", points=2)
def exactitud(student, reference):
    modelo = ajustado(student)
    expect_shape(modelo.state_dict.get("cabeza.weight"), (5, 64), "cabeza.weight")
    X_te, y_te = _cache["datos"]
    red = reference.DigitsMLP(n_clases=5)
    red.load_state_dict(modelo.state_dict)
    red.eval()
    with torch.no_grad():
        acierto = (red(X_te / 16).argmax(dim=1) == y_te - 5).float().mean().item()
    expect(acierto >= 0.7,
           f"La exactitud con dígitos 5–9 nuevos es {acierto:.3f}; se esperaba al menos 0,70. Revisa el "
           f"preprocesado de las entradas y la conversión de las etiquetas.")
