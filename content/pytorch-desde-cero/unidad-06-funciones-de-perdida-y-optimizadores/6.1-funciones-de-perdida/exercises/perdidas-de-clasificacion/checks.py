from torch import nn


def binarios(escala=2.0):
    n = random.randint(5, 16)
    return torch.randn(n, 1) * escala, torch.randint(0, 2, (n,))


def multiclase():
    n, c = random.randint(5, 16), random.randint(3, 7)
    return torch.randn(n, c) * 2, torch.randint(0, c, (n,))


def esperada_binaria(logits, y):
    return nn.BCEWithLogitsLoss()(logits.squeeze(1), y.float())


@check("perdida_binaria calcula la entropía cruzada binaria de los logits", points=3)
def binaria(student, reference):
    for _ in range(2):
        logits, y = binarios()
        valor = student.call("perdida_binaria", logits, y)
        expect_shape(valor, (), "perdida_binaria(logits, y)")
        expect_close(valor, esperada_binaria(logits, y), "perdida_binaria(logits, y)", rtol=1e-4, atol=1e-5)


@check("perdida_binaria es correcta con logits muy grandes", points=2)
def binaria_segura(student, reference):
    logits, y = binarios()
    logits[0, 0], y[0] = 30.0, 0          # errores muy seguros de sí mismos
    logits[1, 0], y[1] = -30.0, 1
    valor = student.call("perdida_binaria", logits, y)
    esperado = esperada_binaria(logits, y)
    expect_number(valor, "perdida_binaria(logits, y)")
    expect(abs(float(valor) - esperado.item()) <= 1e-4 * abs(esperado.item()) + 1e-4,
           f"Cuando el modelo se equivoca con logits de ±30, tu pérdida vale {float(valor):.3f} y debería valer "
           f"{esperado.item():.3f}. ¿La calculas de forma numéricamente estable a partir de los logits?")


@check("perdida_multiclase calcula la entropía cruzada con índices de clase", points=3)
def multiclase_valores(student, reference):
    for _ in range(2):
        logits, y = multiclase()
        valor = student.call("perdida_multiclase", logits, y)
        expect_shape(valor, (), "perdida_multiclase(logits, y)")
        expect_close(valor, nn.CrossEntropyLoss()(logits, y), "perdida_multiclase(logits, y)", rtol=1e-4, atol=1e-5)


@check("un modelo que acierta con total seguridad tiene pérdida casi 0", points=2)
def multiclase_perfecto(student, reference):
    logits, y = multiclase()
    logits = torch.zeros_like(logits)
    logits[torch.arange(len(y)), y] = 30.0
    valor = expect_number(student.call("perdida_multiclase", logits, y), "perdida_multiclase(logits, y)")
    expect(valor < 1e-3,
           f"Los logits dan una puntuación de 30 a la clase correcta y 0 a las demás, pero tu pérdida se queda en "
           f"{valor:.3f}. ¿Le llegan a la pérdida los logits tal cual?")
