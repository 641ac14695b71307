def problema():
    n, d = random.randint(40, 120), random.randint(2, 5)
    X = torch.randn(n, d)
    y = X @ (torch.randn(d) * 3) + random.uniform(-2, 2) + 0.1 * torch.randn(n)
    return X, y, random.randint(15, 40), round(random.uniform(0.02, 0.1), 3)


def resultado(student, X, y, pasos, lr):
    out = student.call("entrenar", X, y, pasos, lr)
    expect(isinstance(out, tuple) and len(out) == 3, "entrenar debe devolver la tupla (w, b, perdidas).")
    return out


@check("los parámetros finales son los del descenso de gradiente desde cero", points=4)
def parametros(student, reference):
    for _ in range(2):
        X, y, pasos, lr = problema()
        w, b, _ = resultado(student, X, y, pasos, lr)
        w_ref, b_ref, _ = reference.entrenar(X, y, pasos, lr)
        expect_shape(w, tuple(w_ref.shape), "w")
        expect_close(w, w_ref, "w", rtol=1e-4, atol=1e-5)
        expect_close(b, b_ref, "b", rtol=1e-4, atol=1e-5)


@check("con tus parámetros la pérdida en estos datos baja de verdad", points=2)
def aprende(student, reference):
    X, y, pasos, lr = problema()
    w, b, _ = resultado(student, X, y, pasos, lr)
    inicial = float((y ** 2).mean())
    final = float(((X @ w.reshape(-1) + b.reshape(()) - y) ** 2).mean())
    expect(final < 0.7 * inicial, f"Con los parámetros que devuelves, la pérdida en los datos de la comprobación "
                                  f"es {final:.4g}; sin entrenar era {inicial:.4g}.")


@check("w y b se devuelven sin historial de autograd", points=1)
def sin_historial(student, reference):
    X, y, pasos, lr = problema()
    w, b, _ = resultado(student, X, y, pasos, lr)
    expect_requires_grad(w, False, "w")
    expect_requires_grad(b, False, "b")


@check("el historial tiene una pérdida por paso, como números de Python", points=2)
def historial(student, reference):
    X, y, pasos, lr = problema()
    _, _, perdidas = resultado(student, X, y, pasos, lr)
    _, _, esperadas = reference.entrenar(X, y, pasos, lr)
    expect(isinstance(perdidas, list) and len(perdidas) == pasos,
           f"perdidas debería ser una lista con {pasos} valores, uno por paso.")
    for i, (valor, esperado) in enumerate(zip(perdidas, esperadas)):
        valor = expect_plain_number(valor, f"perdidas[{i}]")
        expect(abs(valor - esperado) <= 1e-4 * max(1.0, abs(esperado)),
               f"perdidas[{i}] vale {valor:.5g}, pero la pérdida de ese paso es {esperado:.5g}.")


@check("la actualización se hace con torch.no_grad()", points=1)
def sin_registrar(student, reference):
    expect(student.source.mentions("no_grad"),
           "Actualiza los parámetros dentro de `with torch.no_grad():`. Tocar `.data` da el mismo número, "
           "pero se salta las comprobaciones de autograd y puede esconder errores.")
