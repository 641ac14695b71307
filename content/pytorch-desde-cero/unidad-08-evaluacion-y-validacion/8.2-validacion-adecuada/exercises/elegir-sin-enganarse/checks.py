def simulacion():
    k = random.randint(20, 60)
    acierto = random.uniform(0.6, 0.8)
    acc_val = (torch.rand(k, 100) < acierto).float().mean(dim=1) + torch.rand(k) * 1e-4   # sin empates
    acc_test = (torch.rand(k, 2000) < acierto).float().mean(dim=1) + torch.rand(k) * 1e-4
    return acc_val, acc_test


def pedir(student, acc_val, acc_test):
    out = student.call("elegir_configuracion", acc_val, acc_test)
    expect(isinstance(out, tuple) and len(out) == 2, "elegir_configuracion debe devolver una tupla (indice, estimacion).")
    indice, estimacion = out
    expect(isinstance(indice, int) and not isinstance(indice, bool),
           f"`indice` debería ser un int de Python, pero es {type(indice).__name__}.")
    expect(0 <= indice < acc_val.shape[0], f"`indice` vale {indice}, fuera del rango de configuraciones.")
    return indice, expect_plain_number(estimacion, "estimacion")


@check("la configuración se elige con la validación", points=5)
def eleccion(student, reference):
    for _ in range(2):
        acc_val, acc_test = simulacion()
        indice, _ = pedir(student, acc_val, acc_test)
        expect(indice == int(acc_val.argmax()),
               f"Te quedas con la configuración {indice}, que no es la mejor en validación. ¿Con qué datos eliges? "
               "Si eliges mirando el test, ya no queda ningún conjunto que mida el resultado sin sesgo.")


@check("la estimación del informe no es optimista", points=5)
def estimacion_honesta(student, reference):
    for _ in range(2):
        acc_val, acc_test = simulacion()
        indice, estimacion = pedir(student, acc_val, acc_test)
        esperado = acc_test[int(acc_val.argmax())].item()
        expect(abs(estimacion - esperado) < 1e-6,
               f"Informas una exactitud de {estimacion:.3f}. La mejor puntuación de validación es optimista porque "
               "la usaste para elegir: ¿qué conjunto no ha intervenido en la elección?")
