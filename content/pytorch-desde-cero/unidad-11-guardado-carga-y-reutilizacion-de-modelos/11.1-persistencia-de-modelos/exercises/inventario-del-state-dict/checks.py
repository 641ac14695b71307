def tamanos():
    return random.randint(3, 12), random.randint(4, 32), random.randint(2, 6)


def como_formas(valor, nombre):
    expect(isinstance(valor, dict), f"`{nombre}` debería ser un diccionario nombre -> forma.")
    formas = {}
    for clave, forma in valor.items():
        expect(isinstance(forma, (tuple, list)) and all(isinstance(d, int) for d in forma),
               f"En `{nombre}`, la forma de '{clave}' debería ser una tupla de enteros (tuple(tensor.shape)).")
        formas[clave] = tuple(forma)
    return formas


def inventario_del_alumno(student, tam):
    resultado = student.call("inventario", *tam)
    expect(isinstance(resultado, dict) and "parametros" in resultado and "buffers" in resultado,
           "inventario debe devolver un diccionario con las claves \"parametros\" y \"buffers\".")
    return resultado


@check("inventario recoge los parámetros entrenables con sus formas", points=3)
def parametros(student, reference):
    for _ in range(2):
        tam = tamanos()
        obtenido = como_formas(inventario_del_alumno(student, tam)["parametros"], "parametros")
        esperado = reference.inventario(*tam)["parametros"]
        expect(set(obtenido) == set(esperado),
               f"`parametros` no contiene exactamente los parámetros entrenables del modelo "
               f"(se esperaban {len(esperado)} entradas y hay {len(obtenido)}). Recuerda que los buffers "
               f"no son parámetros.")
        for nombre, forma in esperado.items():
            expect(obtenido[nombre] == forma,
                   f"La forma de '{nombre}' es {obtenido[nombre]}; no coincide con la del tensor del modelo.")


@check("inventario recoge los buffers que guarda el state_dict", points=3)
def buffers(student, reference):
    for _ in range(2):
        tam = tamanos()
        obtenido = como_formas(inventario_del_alumno(student, tam)["buffers"], "buffers")
        esperado = reference.inventario(*tam)["buffers"]
        expect(set(obtenido) == set(esperado),
               f"`buffers` debe recoger lo que el state_dict guarda además de los parámetros "
               f"(se esperaban {len(esperado)} entradas y hay {len(obtenido)}).")
        for nombre, forma in esperado.items():
            expect(obtenido[nombre] == forma,
                   f"La forma de '{nombre}' es {obtenido[nombre]}; no coincide con la del tensor del modelo.")


@check("la foto conserva el estado anterior al paso de entrenamiento", points=4)
def foto(student, reference):
    n, d, c = random.randint(24, 64), random.randint(3, 10), random.randint(2, 5)
    X = torch.randn(n, d) * 2 + 1
    y = torch.randint(0, c, (n,))
    y[:c] = torch.arange(c)
    resultado = student.call("paso_con_foto", X, y, c)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "paso_con_foto debe devolver una tupla (foto, modelo).")
    foto, modelo = resultado
    expect_module(modelo, "el modelo devuelto")
    expect(isinstance(foto, dict), "La foto debería ser un diccionario como el que devuelve state_dict().")
    estado = modelo.state_dict
    expect(set(foto) == set(estado),
           "La foto debe tener las mismas claves que el state_dict del modelo (parámetros y buffers).")
    for clave in ("capas.0.weight", "capas.0.bias", "capas.1.num_batches_tracked", "capas.1.running_mean"):
        expect(clave in foto, f"Falta la clave '{clave}': ¿has usado la clase Clasificador sin cambios?")
    expect(int(estado["capas.1.num_batches_tracked"]) == 1,
           "El modelo devuelto debería haber dado exactamente un paso de entrenamiento en modo train().")
    expect(int(foto["capas.1.num_batches_tracked"]) == 0,
           "La foto ha cambiado con el paso de entrenamiento: guarda una copia independiente, no una referencia.")
    expect(not torch.equal(foto["salida.weight"], estado["salida.weight"]),
           "Los pesos de la foto y los del modelo entrenado son iguales: la foto debe ser anterior al paso "
           "y el paso debe actualizar los pesos.")
    # Las estadísticas de BatchNorm tras el paso dependen solo de los pesos de la foto
    h = X @ foto["capas.0.weight"].T + foto["capas.0.bias"]
    esperado = 0.1 * h.mean(dim=0)
    expect_close(estado["capas.1.running_mean"], esperado, "running_mean tras el paso", rtol=1e-3, atol=1e-4)
    expect_close(foto["capas.1.running_mean"], torch.zeros_like(esperado), "running_mean de la foto")
