def caso():
    d = random.randint(3, 7)
    escalas = 10.0 ** torch.randint(-3, 3, (d,)).float()      # gradientes de escalas muy distintas
    w0 = torch.randn(d) * 3
    lr = random.choice([0.001, 0.01, 0.05])
    wd = random.choice([0.01, 0.1, 0.5])
    return w0, escalas, lr, wd


def comparar(student, pasos, nombre):
    w0, escalas, lr, wd = caso()
    w_ref = w0.clone().requires_grad_(True)
    optimizador = torch.optim.AdamW([w_ref], lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=wd)
    w, m, v = w0.clone(), torch.zeros_like(w0), torch.zeros_like(w0)
    for t in range(1, pasos + 1):
        g = torch.randn_like(w0) * escalas
        w_ref.grad = g.clone()
        optimizador.step()
        resultado = student.call("paso_adamw", w, g, m, v, t, lr, wd)
        expect(isinstance(resultado, tuple) and len(resultado) == 3,
               "paso_adamw debe devolver una tupla (w_nuevo, m_nuevo, v_nuevo).")
        w, m, v = resultado
        for valor, parte in ((w, "w_nuevo"), (m, "m_nuevo"), (v, "v_nuevo")):
            expect_shape(valor, tuple(w0.shape), f"{parte} en el paso {t}")
        expect_close(w, w_ref.detach(), f"w_nuevo en el paso {t} ({nombre}, lr={lr}, weight_decay={wd})",
                     rtol=1e-4, atol=1e-6)


@check("el primer paso coincide con torch.optim.AdamW", points=3)
def primer_paso(student, reference):
    comparar(student, 1, "primer paso")


@check("varios pasos encadenados coinciden con torch.optim.AdamW", points=4)
def varios_pasos(student, reference):
    comparar(student, random.randint(5, 9), "pasos encadenados")


@check("el decaimiento no pasa por la normalización de Adam (gradiente nulo)", points=1)
def gradiente_nulo(student, reference):
    w = torch.tensor([10.0, 0.01, -4.0])
    cero = torch.zeros(3)
    lr, wd = 0.01, random.choice([0.1, 0.5])
    resultado = student.call("paso_adamw", w, cero, cero, cero, 1, lr, wd)
    expect(isinstance(resultado, tuple) and len(resultado) == 3,
           "paso_adamw debe devolver una tupla (w_nuevo, m_nuevo, v_nuevo).")
    expect_close(resultado[0], w * (1 - lr * wd),
                 "w_nuevo con gradiente nulo: todos los pesos deberían encogerse en la misma proporción",
                 rtol=1e-4, atol=1e-6)


@check("el paso se programa a mano, sin torch.optim", points=2)
def a_mano(student, reference):
    for nombre in ("AdamW", "Adam", "step"):
        expect_no_call(student.source, nombre,
                       f"El ejercicio pide programar el paso a mano y tu código llama a `{nombre}`.")
    comparar(student, 2, "dos pasos")
