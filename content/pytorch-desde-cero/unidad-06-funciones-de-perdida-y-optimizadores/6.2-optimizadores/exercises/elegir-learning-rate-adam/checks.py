from torch import nn


def datos(n=200):
    x = torch.rand(n, 1) * 4 - 2
    return x, torch.sin(2 * x) + 0.1 * torch.randn(n, 1)


def llamar_entrenar(student, X, y, lr, epocas):
    resultado = student.call("entrenar", X, y, lr, epocas)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "entrenar debe devolver una tupla (modelo, perdidas).")
    modelo, perdidas = resultado
    expect_module(modelo, "el modelo devuelto")
    expect(isinstance(perdidas, list) and len(perdidas) == epocas,
           f"perdidas debe ser una lista con un valor por época ({epocas} épocas → {epocas} valores).")
    for valor in perdidas:
        expect(isinstance(valor, float), "Cada pérdida de la lista debe ser un número de Python (usa .item()).")
    return modelo, perdidas


def leer_lr(student):
    lr = student.get("LR")
    expect(isinstance(lr, (int, float)) and not isinstance(lr, bool) and lr > 0,
           "Define LR como un número positivo: la tasa de aprendizaje que has elegido.")
    return float(lr)


@check("entrenar devuelve el modelo y una pérdida por época", points=2)
def devuelve(student, reference):
    X, y = datos()
    llamar_entrenar(student, X, y, 0.01, 15)


@check("entrenar usa la tasa de aprendizaje que recibe", points=2)
def usa_lr(student, reference):
    X, y = datos()
    _, perdidas = llamar_entrenar(student, X, y, 1e-5, 30)
    expect(perdidas[-1] > 0.9 * perdidas[0],
           "Con lr=1e-5 tu modelo avanza como si la tasa fuera mucho mayor: ¿pasas al optimizador el lr que "
           "recibe entrenar en lugar de un valor fijo?")


@check("con tu LR, 200 épocas bastan para ajustar datos nuevos (ECM < 0.04)", points=6)
def ajusta(student, reference):
    lr = leer_lr(student)
    X, y = datos()
    X_nuevos, y_nuevos = datos()
    modelo, perdidas = llamar_entrenar(student, X, y, lr, 200)
    expect_finite(torch.tensor(perdidas), "la lista de pérdidas")
    red = reference.crear_modelo()
    try:
        red.load_state_dict(modelo.state_dict)
    except Exception:
        raise CheckFailed("El modelo devuelto no tiene la arquitectura de crear_modelo(): no la cambies.")
    with torch.no_grad():
        error = nn.functional.mse_loss(red(X_nuevos), y_nuevos).item()
    expect(math.isfinite(error) and error < 0.04,
           f"Con LR={lr:g}, tras 200 épocas la pérdida de entrenamiento pasó de {perdidas[0]:.3f} a "
           f"{perdidas[-1]:.3f} y el error en datos nuevos es {error:.3f} (se pide menos de 0.04). Mira cómo "
           "evoluciona tu curva de pérdida para decidir si la tasa es demasiado baja o demasiado alta.")
