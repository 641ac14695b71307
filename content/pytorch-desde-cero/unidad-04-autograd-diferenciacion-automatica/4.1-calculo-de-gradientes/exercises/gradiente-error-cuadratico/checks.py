def datos():
    n, d = random.randint(4, 12), random.randint(2, 6)
    return torch.randn(n, d), torch.randn(d)


@check("gradiente devuelve un vector con la forma de w", points=2)
def forma(student, reference):
    x, w = datos()
    expect_shape(student.call("gradiente", x, w), tuple(w.shape), "gradiente(x, w)")


@check("el gradiente tiene los valores correctos", points=5)
def valores(student, reference):
    for _ in range(3):
        x, w = datos()
        out = student.call("gradiente", x, w)
        expect_finite(out, "gradiente(x, w)")
        expect_close(out, reference.gradiente(x, w), "gradiente(x, w)", rtol=1e-4, atol=1e-5)


@check("llamar dos veces da el mismo resultado (no acumula gradientes)", points=1)
def sin_acumular(student, reference):
    x, w = datos()
    first = student.call("gradiente", x, w)
    second = student.call("gradiente", x, w)
    expect_close(second, first, "la segunda llamada")


@check("el gradiente lo calcula autograd, no una fórmula escrita a mano", points=2)
def con_autograd(student, reference):
    usa_autograd = student.source.calls_name("backward") or student.source.calls_name("torch.autograd.grad")
    expect(usa_autograd, "El ejercicio pide el gradiente calculado con autograd: marca w con requires_grad, "
                         "calcula la pérdida y llama a backward(). Una fórmula derivada a mano no practica "
                         "lo que enseña esta lección.")
