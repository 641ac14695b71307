def caso():
    d = random.randint(2, 5)
    X = torch.randn(random.randint(60, 120), d)
    y = X @ (torch.randn(d, 1) * 4) + random.uniform(5, 10) * random.choice([-1, 1])
    return X, y, random.choice([0.05, 0.1]), random.uniform(1.0, 3.0)


def con_sgd(X, y, lr, epocas, max_norma):
    w = torch.zeros(X.shape[1], 1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizador = torch.optim.SGD([w, b], lr=lr)
    perdidas = []
    for _ in range(epocas):
        optimizador.zero_grad()
        perdida = ((X @ w + b - y) ** 2).mean()
        perdida.backward()
        torch.nn.utils.clip_grad_norm_([w, b], max_norma)
        optimizador.step()
        perdidas.append(perdida.item())
    return w.detach(), b.detach(), perdidas


def llamar(student, X, y, lr, epocas, max_norma):
    resultado = student.call("entrenar_a_mano", X, y, lr, epocas, max_norma)
    expect(isinstance(resultado, tuple) and len(resultado) == 3,
           "entrenar_a_mano debe devolver una tupla (w, b, perdidas).")
    w, b, perdidas = resultado
    expect_shape(w, (X.shape[1], 1), "w")
    expect_shape(b, (1,), "b")
    expect(isinstance(perdidas, list) and len(perdidas) == epocas,
           f"perdidas debe ser una lista con un valor por época ({epocas} épocas → {epocas} valores).")
    return w, b, perdidas


@check("w y b siguen siendo hojas que registran gradientes", points=2)
def hojas(student, reference):
    X, y, lr, max_norma = caso()
    w, b, _ = llamar(student, X, y, lr, 5, max_norma)
    for valor, nombre in ((w, "w"), (b, "b")):
        expect_requires_grad(valor, True, nombre)
        expect(getattr(valor, "student_grad_fn", None) is None,
               f"`{nombre}` ya no es una hoja: tiene grad_fn, así que se reasignó con una operación registrada por "
               "autograd en lugar de actualizarse en el sitio dentro de torch.no_grad().")


@check("los pesos siguen la trayectoria de SGD con recorte de gradientes", points=5)
def trayectoria(student, reference):
    X, y, lr, max_norma = caso()
    epocas = random.randint(15, 30)
    w, b, _ = llamar(student, X, y, lr, epocas, max_norma)
    w_ref, b_ref, _ = con_sgd(X, y, lr, epocas, max_norma)
    expect_close(w, w_ref, f"w tras {epocas} épocas", rtol=1e-4, atol=1e-5)
    expect_close(b, b_ref, f"b tras {epocas} épocas", rtol=1e-4, atol=1e-5)


@check("las pérdidas son números de Python y coinciden con las de cada época", points=2)
def perdidas_registradas(student, reference):
    X, y, lr, max_norma = caso()
    _, _, perdidas = llamar(student, X, y, lr, 10, max_norma)
    valores = [expect_plain_number(v, "cada pérdida de la lista") for v in perdidas]
    _, _, esperadas = con_sgd(X, y, lr, 10, max_norma)
    expect_close(torch.tensor(valores), torch.tensor(esperadas), "la lista de pérdidas", rtol=1e-4, atol=1e-5)


@check("la actualización se programa a mano, sin torch.optim", points=1)
def a_mano(student, reference):
    for nombre in ("SGD", "step"):
        expect_no_call(student.source, nombre,
                       f"El ejercicio pide actualizar los pesos a mano y tu código llama a `{nombre}`.")
