import ast
import os

from sklearn.datasets import load_digits

# The grader reads the course assets where the image installs them; the student sees them as ./assets.
RUTA = next((r for r in ("/opt/course-assets/digits_mlp_0_4.pt", "assets/digits_mlp_0_4.pt") if os.path.exists(r)),
            "assets/digits_mlp_0_4.pt")


def carga_segura(source):
    """True if the code calls torch.load and no call turns off weights_only (True is the default in torch 2.13)."""
    llamadas = [n for n in ast.walk(source.tree) if isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute) and n.func.attr == "load"]
    return bool(llamadas) and not any(
        k.arg == "weights_only" and not (isinstance(k.value, ast.Constant) and k.value.value is True)
        for llamada in llamadas for k in llamada.keywords)


def pesos_del_curso():
    return torch.load(RUTA, map_location="cpu", weights_only=True)


def esperado(reference, X_crudo, umbral):
    modelo = reference.DigitsMLP()
    modelo.load_state_dict(pesos_del_curso())
    modelo.eval()
    with torch.no_grad():
        probs = torch.softmax(modelo(X_crudo / 16), dim=1)
    confianza, clase = probs[:, :5].max(dim=1)
    return torch.where(confianza >= umbral, clase, torch.full_like(clase, -1))


def imagenes(n, mascara):
    X, y = load_digits(return_X_y=True)
    X, y = torch.tensor(X, dtype=torch.float32), torch.tensor(y)
    X, y = X[mascara(y)], y[mascara(y)]
    idx = torch.randperm(len(y))[:n]
    return X[idx], y[idx]


@check("cargar_modelo carga los pesos del curso de forma segura", points=2)
def carga(student, reference):
    modelo = student.call("cargar_modelo")
    expect_module(modelo, "cargar_modelo()")
    pesos = pesos_del_curso()
    expect(set(modelo.state_dict) == set(pesos),
           "El modelo devuelto no tiene las capas de DigitsMLP: no cambies la clase.")
    for nombre, tensor in pesos.items():
        expect(torch.equal(modelo.state_dict[nombre], tensor),
               f"El parámetro {nombre} no tiene los pesos de assets/digits_mlp_0_4.pt.")
    expect(carga_segura(student.source),
           "Carga el fichero con torch.load(..., weights_only=True): un .pt ajeno puede ejecutar código al "
           "cargarse sin esa protección.")
    expect_eval_mode(modelo, "el modelo de cargar_modelo()")


@check("predecir aplica el preprocesado del modelo con los dígitos que conoce", points=4)
def conocidos(student, reference):
    X, y = imagenes(80, lambda y: y < 5)
    out = student.call("predecir", X, 0.0)
    expect_shape(out, (80,), "predecir(X)")
    expect_dtype(out, torch.long, "predecir(X)")
    expect_requires_grad(out, False, "predecir(X)")
    acierto = (out == y).float().mean().item()
    expect(acierto > 0.9,
           f"Con umbral 0 y dígitos 0-4, predecir acierta solo el {acierto:.0%}: el modelo espera los "
           "píxeles divididos entre 16, como en su entrenamiento.")
    expect(torch.equal(out, esperado(reference, X, 0.0)), "predecir no da las clases esperadas con umbral 0.")


@check("predecir no responde con clases que el modelo nunca aprendió y se abstiene con poca confianza", points=4)
def desconocidos(student, reference):
    X, _ = imagenes(120, lambda y: y >= 5)
    umbral = random.choice([0.8, 0.9, 0.95])
    out = student.call("predecir", X, umbral)
    expect_shape(out, (120,), "predecir(X)")
    expect(bool(((out >= -1) & (out <= 4)).all()),
           "predecir devuelve clases fuera de -1…4: las salidas 5-9 del modelo nunca se entrenaron.")
    distintas = int((out != esperado(reference, X, umbral)).sum())
    expect(distintas == 0,
           f"Con umbral={umbral}, {distintas} de 120 predicciones no coinciden con las esperadas: la clase "
           "se elige entre 0 y 4 y se cambia por -1 si su probabilidad (softmax sobre las 10 salidas) no "
           "llega al umbral.")
