UMBRALES = [round(0.05 * k, 2) for k in range(1, 20)]


def datos(proporcion_positivos):
    n = random.randint(400, 600)
    y = (torch.rand(n) < proporcion_positivos).long()
    y[:20] = 1                                 # siempre hay positivos suficientes para medir el recall
    y = y[torch.randperm(n)]
    # clases solapadas: el umbral de máxima exactitud deja el recall muy por debajo del mínimo exigido
    prob = torch.sigmoid(random.uniform(1.5, 2.0) * y - 1.5 + torch.randn(n))
    return prob, y


@check("linea_base devuelve la exactitud de la clase mayoritaria", points=4)
def base(student, reference):
    for proporcion in (random.uniform(0.03, 0.15), random.uniform(0.7, 0.85)):
        _, y = datos(proporcion)
        valor = expect_plain_number(student.call("linea_base", y), "linea_base(y)")
        p = y.float().mean().item()
        esperado = max(p, 1 - p)
        expect(abs(valor - esperado) < 1e-6,
               f"Con un {p:.0%} de positivos, linea_base devuelve {valor:.4f}, que no es la exactitud de responder "
               "siempre la clase más frecuente.")


@check("elegir_umbral cumple el recall mínimo con el mínimo de falsas alarmas", points=6)
def umbral(student, reference):
    for recall_minimo in (random.choice([0.9, 0.95]), random.choice([0.8, 0.85])):
        prob, y = datos(random.uniform(0.05, 0.15))
        valor = expect_plain_number(student.call("elegir_umbral", prob, y, recall_minimo), "elegir_umbral(...)")
        recall = (((prob > valor) & (y == 1)).sum() / (y == 1).sum()).item()
        expect(recall >= recall_minimo,
               f"Con el umbral {valor:.2f} el recall en validación es {recall:.3f}, por debajo del mínimo exigido "
               f"({recall_minimo}).")
        esperado = reference.elegir_umbral(prob, y, recall_minimo)
        expect(abs(valor - esperado) < 1e-6,
               f"El umbral {valor:.2f} cumple el recall mínimo de {recall_minimo}, pero hay otro candidato que también "
               "lo cumple y da menos falsas alarmas.")
