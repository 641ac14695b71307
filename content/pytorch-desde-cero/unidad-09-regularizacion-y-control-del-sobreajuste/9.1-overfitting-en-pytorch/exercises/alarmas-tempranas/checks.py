def lote(escala):
    n = random.randint(40, 80)
    logits = torch.randn(n, 1) * escala
    y = torch.randint(0, 2, (n, 1)).float()
    return logits, y


def curva():
    n_baja, n_sube = random.randint(5, 10), random.randint(5, 10)
    baja = [1.5 * 0.85 ** i + random.uniform(0, 0.01) for i in range(n_baja)]
    # rebote pequeño al principio (no debe disparar) y subida sostenida después
    sube = [baja[-1] * (1 + 0.012 * (i + 1)) for i in range(n_sube)]
    return baja + sube


@check("confianza_en_errores usa la clase predicha y solo los errores", points=4)
def confianza(student, reference):
    for escala in (1.0, 3.0, 30.0):
        logits, y = lote(escala)
        out = student.call("confianza_en_errores", logits, y)
        expect_plain_number(out, "confianza_en_errores(...)")
        esperado = reference.confianza_en_errores(logits, y)
        expect(abs(out - esperado) < 1e-4,
               f"confianza_en_errores devuelve {out:.4f}, pero la confianza media en los errores es otra. "
               "¿Usas la probabilidad de la clase predicha (no siempre la de la clase 1) y solo las filas "
               "mal clasificadas?")
        expect(out >= 0.5 - 1e-6,
               "La confianza en la clase predicha nunca baja de 0,5 en un problema binario.")


@check("sin errores la confianza en los errores es 0.0", points=1)
def sin_errores(student, reference):
    logits, _ = lote(2.0)
    y = (logits > 0).float()
    out = student.call("confianza_en_errores", logits, y)
    expect_plain_number(out, "confianza_en_errores(...)")
    expect(out == 0.0, f"Si no hay ningún error, confianza_en_errores debe devolver 0.0, no {out}.")


@check("primera_alarma compara con el mínimo visto hasta ese momento", points=5)
def alarma(student, reference):
    for _ in range(4):
        val = curva()
        umbral = random.choice([0.03, 0.05, 0.08])
        out = student.call("primera_alarma", val, umbral)
        esperado = reference.primera_alarma(val, umbral)
        expect(out == esperado,
               f"Con val={[round(v, 4) for v in val]} y umbral={umbral}, primera_alarma devuelve {out!r}. "
               "La referencia es el mínimo alcanzado hasta cada evaluación, no el primer valor ni el anterior.")
    siempre_baja = [1.0 / (i + 1) for i in range(random.randint(5, 12))]
    out = student.call("primera_alarma", siempre_baja)
    expect(out is None, f"Si la validación no deja de bajar, primera_alarma debe devolver None, no {out!r}.")
