from torch import nn


def caso():
    pasos = random.choice([2, 3, 4])
    grupos = 2
    d = random.randint(3, 6)
    X = torch.randn(8 * pasos * grupos, d)
    y = X @ (torch.randn(d, 1) * 2) + 0.1 * torch.randn(X.shape[0], 1)
    return X, y, pasos, random.randint(2, 4), random.randint(0, 10_000)


def con_lotes_grandes(X, y, pasos, epocas, semilla):
    torch.manual_seed(semilla)
    modelo = nn.Linear(X.shape[1], 1)
    optimizador = torch.optim.SGD(modelo.parameters(), lr=0.05)
    criterio = nn.MSELoss()
    for _ in range(epocas):
        for xb, yb in zip(X.split(8 * pasos), y.split(8 * pasos)):
            optimizador.zero_grad()
            criterio(modelo(xb), yb).backward()
            optimizador.step()
    return modelo


def comparar(student, X, y, pasos, epocas, semilla, nombre):
    modelo = student.call("entrenar_acumulando", X, y, pasos, epocas, semilla)
    expect_module(modelo, "el modelo devuelto")
    esperado = con_lotes_grandes(X, y, pasos, epocas, semilla)
    for clave in ("weight", "bias"):
        expect(clave in modelo.state_dict, "Devuelve el nn.Linear que crea la función.")
        expect_close(modelo.state_dict[clave], esperado.state_dict()[clave], f"{clave} {nombre}",
                     rtol=1e-4, atol=1e-5)


@check("una época da los mismos pesos que un entrenamiento con lotes grandes", points=4)
def una_epoca(student, reference):
    X, y, pasos, _, semilla = caso()
    comparar(student, X, y, pasos, 1, semilla, f"tras una época con pasos_acumulados={pasos}")


@check("varias épocas siguen la misma trayectoria que con lotes grandes", points=4)
def varias_epocas(student, reference):
    X, y, pasos, epocas, semilla = caso()
    comparar(student, X, y, pasos, epocas, semilla, f"tras {epocas} épocas con pasos_acumulados={pasos}")


@check("con pasos_acumulados=1 es el entrenamiento normal por micro-lotes", points=2)
def sin_acumular(student, reference):
    X, y, _, epocas, semilla = caso()
    comparar(student, X, y, 1, epocas, semilla, "con pasos_acumulados=1")
