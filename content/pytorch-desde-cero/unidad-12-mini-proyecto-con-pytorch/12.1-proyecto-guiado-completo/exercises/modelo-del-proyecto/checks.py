from sklearn.datasets import load_digits

X_DIGITS, Y_DIGITS = load_digits(return_X_y=True)
X_DIGITS = torch.tensor(X_DIGITS, dtype=torch.float32)
Y_DIGITS = torch.tensor(Y_DIGITS, dtype=torch.long)
_media = X_DIGITS.mean(dim=0)
_desv = X_DIGITS.std(dim=0)
_desv[_desv == 0] = 1.0


def lote(n):
    indices = torch.randperm(len(Y_DIGITS))[:n]
    return (X_DIGITS[indices] - _media) / _desv, Y_DIGITS[indices]


def salida(student, x):
    student.call("modelo.eval")
    return student.call("modelo", x)


@check("modelo devuelve un tensor (N, 10) para lotes de (N, 64)", points=3)
def formas(student, reference):
    expect_module(student.get("modelo"), "modelo")
    for n in (1, random.randint(2, 9), random.randint(20, 70)):
        x, _ = lote(n)
        out = salida(student, x)
        expect_shape(out, (n, 10), f"modelo(x) con x de forma ({n}, 64)")
        expect_dtype(out, torch.float32, "modelo(x)")
        expect_finite(out, "modelo(x)")


@check("la salida son logits y la pérdida inicial ronda ln(10)", points=3)
def logits(student, reference):
    x, y = lote(random.randint(100, 200))
    out = salida(student, x)
    expect_shape(out, (len(y), 10), "modelo(x)")
    parecen_probabilidades = bool((out >= 0).all()) and torch.allclose(out.sum(dim=1), torch.ones(len(y)), atol=1e-3)
    expect(not parecen_probabilidades,
           "La salida de modelo son probabilidades (positivas y cada fila suma 1): devuelve logits, "
           "CrossEntropyLoss ya se encarga de la softmax.")
    perdida = torch.nn.functional.cross_entropy(out, y).item()
    expect(1.5 <= perdida <= 3.5,
           f"La pérdida inicial con pesos aleatorios es {perdida:.2f}; con 10 clases debería rondar "
           f"ln(10) ≈ 2,30. Revisa la escala de la salida del modelo.")


@check("la prueba de humo memoriza un lote de 32 dígitos", points=4)
def humo(student, reference):
    x, y = lote(32)
    resultado = student.call("prueba_de_humo", x, y, 200)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "prueba_de_humo debe devolver una tupla (perdidas, exactitud).")
    perdidas, exactitud = resultado
    expect(isinstance(perdidas, list) and len(perdidas) == 200,
           "perdidas debe ser una lista con la pérdida de cada paso (200 pasos → 200 valores).")
    for perdida in perdidas:
        expect_plain_number(perdida, "cada pérdida de la lista")
    expect_decreased(perdidas, "la pérdida de la prueba de humo", min_ratio=0.2)
    exactitud = expect_plain_number(exactitud, "la exactitud")
    expect(exactitud >= 0.9,
           f"Tras 200 pasos la exactitud sobre el propio lote es {exactitud:.3f}: un modelo sano debería "
           f"memorizar 32 ejemplos.")
