def problema(extremo=False):
    n, c = random.randint(5, 30), random.randint(3, 8)
    logits = torch.randn(n, c) * 2
    if extremo:
        logits = logits * 500 + random.choice([-1000.0, 0.0, 1000.0])
    etiquetas = torch.randint(0, c, (n,))
    return logits, etiquetas


def esperado_ce(logits, etiquetas):
    return torch.nn.functional.cross_entropy(logits.double(), etiquetas)


@check("softmax_filas da probabilidades que suman 1 por fila", points=2)
def softmax(student, reference):
    for _ in range(2):
        logits, _ = problema()
        out = student.call("softmax_filas", logits)
        expect_shape(out, tuple(logits.shape), "softmax_filas(logits)")
        expect_close(out, torch.softmax(logits, dim=1), "softmax_filas(logits)", rtol=1e-4, atol=1e-6)


@check("softmax_filas sigue funcionando con logits de ±1000", points=2)
def softmax_extremo(student, reference):
    logits, _ = problema(extremo=True)
    out = student.call("softmax_filas", logits)
    expect_finite(out, "softmax_filas con logits extremos")
    expect_close(out, torch.softmax(logits, dim=1), "softmax_filas con logits extremos", rtol=1e-4, atol=1e-6)


@check("entropia_cruzada coincide con la de PyTorch", points=2)
def entropia(student, reference):
    for _ in range(2):
        logits, etiquetas = problema()
        out = student.call("entropia_cruzada", logits, etiquetas)
        expect_shape(out, (), "entropia_cruzada(logits, etiquetas)")
        expect_close(out, esperado_ce(logits, etiquetas), "entropia_cruzada(logits, etiquetas)", rtol=1e-4)


@check("entropia_cruzada es finita y correcta con logits extremos", points=2)
def entropia_extrema(student, reference):
    logits, etiquetas = problema(extremo=True)
    out = student.call("entropia_cruzada", logits, etiquetas)
    expect_finite(out, "entropia_cruzada con logits extremos")
    expect_close(out, esperado_ce(logits, etiquetas), "entropia_cruzada con logits extremos", rtol=1e-4)


@check("exactitud devuelve la proporción de aciertos como número de Python", points=1)
def acierto(student, reference):
    logits, etiquetas = problema()
    etiquetas[: len(etiquetas) // 2] = logits[: len(etiquetas) // 2].argmax(dim=1)
    out = expect_plain_number(student.call("exactitud", logits, etiquetas), "exactitud(logits, etiquetas)")
    esperado = (logits.argmax(dim=1) == etiquetas).float().mean().item()
    expect(abs(out - esperado) < 1e-6, f"exactitud(logits, etiquetas) devolvió {out:.4g}, se esperaba {esperado:.4g}.")


@check("softmax y entropía cruzada están escritas a mano", points=1)
def a_mano(student, reference):
    for nombre in ("softmax", "log_softmax", "cross_entropy", "nll_loss"):
        expect_no_call(student.source, nombre,
                       f"El ejercicio pide escribirlas a mano, pero tu código llama a `{nombre}`: usa exp, max, "
                       f"sum y logsumexp.")
