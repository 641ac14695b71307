def con_optimizador(w0, X, y, lr, momentum, pasos):
    w = w0.clone().requires_grad_(True)
    opt = torch.optim.SGD([w], lr=lr, momentum=momentum)
    for _ in range(pasos):
        opt.zero_grad()
        ((X @ w - y) ** 2).mean().backward()
        opt.step()
    return w.detach()


def un_paso_con_optimizador(w, grad, velocidad, lr, momentum):
    p = w.clone().requires_grad_(True)
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum)
    if velocidad is not None:
        opt.state[p]["momentum_buffer"] = velocidad.clone()
    p.grad = grad.clone()
    opt.step()
    return p.detach(), opt.state[p]["momentum_buffer"]


def salida_de_paso(student, w, g, v, lr, mu):
    resultado = student.call("paso_momentum", w, g, v, lr, mu)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "paso_momentum debe devolver una tupla (w_nuevo, velocidad_nueva).")
    w_nuevo, v_nueva = resultado
    expect_shape(w_nuevo, tuple(w.shape), "w_nuevo")
    expect_shape(v_nueva, tuple(w.shape), "velocidad_nueva")
    return w_nuevo, v_nueva


@check("el primer paso (velocidad None) coincide con torch.optim.SGD", points=2)
def primer_paso(student, reference):
    d = random.randint(2, 6)
    w, g = torch.randn(d), torch.randn(d)
    lr, mu = random.uniform(0.01, 0.3), random.uniform(0.5, 0.95)
    w_nuevo, v_nueva = salida_de_paso(student, w, g, None, lr, mu)
    w_esp, v_esp = un_paso_con_optimizador(w, g, None, lr, mu)
    expect_close(v_nueva, v_esp, "la velocidad tras el primer paso", rtol=1e-5, atol=1e-6)
    expect_close(w_nuevo, w_esp, "w tras el primer paso", rtol=1e-5, atol=1e-6)


@check("un paso con velocidad acumulada coincide con torch.optim.SGD", points=3)
def paso_con_velocidad(student, reference):
    for _ in range(2):
        d = random.randint(2, 6)
        w, g, v = torch.randn(d), torch.randn(d), torch.randn(d)
        lr, mu = random.uniform(0.01, 0.3), random.uniform(0.5, 0.95)
        w_nuevo, v_nueva = salida_de_paso(student, w, g, v, lr, mu)
        w_esp, v_esp = un_paso_con_optimizador(w, g, v, lr, mu)
        expect_close(v_nueva, v_esp, "la velocidad nueva", rtol=1e-5, atol=1e-6)
        expect_close(w_nuevo, w_esp, "w_nuevo", rtol=1e-5, atol=1e-6)


@check("descenso_con_momentum sigue la misma trayectoria que torch.optim.SGD", points=5)
def trayectoria(student, reference):
    for _ in range(2):
        n, d = random.randint(15, 40), random.randint(2, 5)
        X, y, w0 = torch.randn(n, d), torch.randn(n), torch.randn(d)
        lr, mu, pasos = random.uniform(0.01, 0.1), random.uniform(0.6, 0.95), random.randint(5, 15)
        w = student.call("descenso_con_momentum", w0, X, y, lr, mu, pasos)
        expect_shape(w, (d,), "descenso_con_momentum(...)")
        expect_close(w, con_optimizador(w0, X, y, lr, mu, pasos),
                     f"w tras {pasos} pasos (lr={lr:.3f}, momentum={mu:.2f})", rtol=1e-4, atol=1e-5)


@check("el gradiente sale de autograd y el paso es el tuyo, no el de torch.optim", points=2)
def metodo(student, reference):
    expect(student.source.calls_name("backward") or student.source.calls_name("autograd.grad"),
           "descenso_con_momentum debe calcular el gradiente con autograd (backward() o torch.autograd.grad), "
           "no con una fórmula escrita a mano.")
    expect_no_call(student.source, "SGD",
                   "El ejercicio pide reproducir SGD con momentum a mano: tu código usa torch.optim.SGD.")
    n, d = random.randint(15, 40), random.randint(2, 5)
    X, y, w0 = torch.randn(n, d), torch.randn(n), torch.randn(d)
    w = student.call("descenso_con_momentum", w0, X, y, 0.05, 0.9, 5)
    expect_close(w, con_optimizador(w0, X, y, 0.05, 0.9, 5), "w tras 5 pasos", rtol=1e-4, atol=1e-5)
