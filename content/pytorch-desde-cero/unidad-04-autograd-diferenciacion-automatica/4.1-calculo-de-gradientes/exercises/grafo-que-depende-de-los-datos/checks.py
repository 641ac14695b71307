def sistema():
    d = random.randint(3, 8)
    x = torch.randn(d)
    W = torch.randn(d, d) * (0.6 / d ** 0.5)
    return x, W, 10 ** random.uniform(-5, -2), random.randint(40, 80)


@check("punto_fijo da el z final y el número de vueltas", points=3)
def vueltas(student, reference):
    for _ in range(3):
        x, W, tol, max_pasos = sistema()
        out = student.call("punto_fijo", x, W, tol, max_pasos)
        expect(isinstance(out, tuple) and len(out) == 3, "punto_fijo debe devolver la tupla (z, pasos, grad_x).")
        z, pasos, _ = out
        z_ref, pasos_ref, _ = reference.punto_fijo(x, W, tol, max_pasos)
        pasos = expect_plain_number(pasos, "pasos")
        expect(pasos == pasos_ref, f"Con tol={tol:.1e} el bucle debería dar {pasos_ref} vueltas, pero "
                                   f"devuelves {pasos:g}.")
        expect_close(z, z_ref, "z", rtol=1e-4, atol=1e-5)


@check("punto_fijo deriva a través de todas las vueltas ejecutadas", points=4)
def gradiente(student, reference):
    for _ in range(3):
        x, W, tol, max_pasos = sistema()
        _, _, grad = student.call("punto_fijo", x, W, tol, max_pasos)
        _, _, grad_ref = reference.punto_fijo(x, W, tol, max_pasos)
        expect(grad is not None, "grad_x es None: ¿marcaste x con requires_grad antes del bucle?")
        expect_close(grad, grad_ref, "grad_x", rtol=1e-3, atol=1e-5)


@check("gradiente_oculta devuelve dL/dh y dL/dW1", points=3)
def oculta(student, reference):
    for _ in range(2):
        n, d, h = random.sample(range(3, 12), 3)
        x, W1, W2 = torch.randn(n, d), torch.randn(d, h), torch.randn(h)
        out = student.call("gradiente_oculta", x, W1, W2)
        expect(isinstance(out, tuple) and len(out) == 2, "gradiente_oculta debe devolver la tupla (dL/dh, dL/dW1).")
        dh, dW1 = out
        dh_ref, dW1_ref = reference.gradiente_oculta(x, W1, W2)
        expect(dh is not None, "dL/dh es None: un tensor intermedio solo guarda su gradiente con retain_grad().")
        expect_shape(dh, (n, h), "dL/dh")
        expect_close(dh, dh_ref, "dL/dh", rtol=1e-4, atol=1e-5)
        expect_shape(dW1, (d, h), "dL/dW1")
        expect_close(dW1, dW1_ref, "dL/dW1", rtol=1e-4, atol=1e-5)
