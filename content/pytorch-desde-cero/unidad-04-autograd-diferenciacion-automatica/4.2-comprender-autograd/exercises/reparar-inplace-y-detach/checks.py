def datos():
    n, d = random.randint(5, 20), random.randint(2, 6)
    return torch.randn(n, d), torch.randn(n, d), torch.randn(n), torch.randn(d)


@check("gradiente_salida_escalada se ejecuta y devuelve un gradiente de la forma de w", points=2)
def se_ejecuta(student, reference):
    x, _, _, w = datos()
    out = student.call("gradiente_salida_escalada", x, w)
    expect_shape(out, tuple(w.shape), "gradiente_salida_escalada(x, w)")
    expect_finite(out, "gradiente_salida_escalada(x, w)")


@check("gradiente_salida_escalada devuelve el gradiente correcto", points=4)
def escalada(student, reference):
    for _ in range(3):
        x, _, _, w = datos()
        out = student.call("gradiente_salida_escalada", x, w)
        expect_close(out, reference.gradiente_salida_escalada(x, w), "gradiente_salida_escalada(x, w)",
                     rtol=1e-4, atol=1e-6)


@check("gradiente_objetivo_fijo trata el objetivo como una constante", points=4)
def objetivo(student, reference):
    for _ in range(3):
        x, x_sig, r, w = datos()
        out = student.call("gradiente_objetivo_fijo", x, x_sig, r, w)
        expect_shape(out, tuple(w.shape), "gradiente_objetivo_fijo(x, x_siguiente, r, w)")
        expect_close(out, reference.gradiente_objetivo_fijo(x, x_sig, r, w),
                     "gradiente_objetivo_fijo(x, x_siguiente, r, w)", rtol=1e-4, atol=1e-5)
