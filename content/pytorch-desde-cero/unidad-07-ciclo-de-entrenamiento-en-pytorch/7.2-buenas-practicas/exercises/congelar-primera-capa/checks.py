def problema(reference):
    estado = {k: v.clone() for k, v in reference.crear_modelo().state_dict().items()}
    X = torch.randn(200, 4)
    y = X @ torch.randn(4, 1) + 0.1 * torch.randn(200, 1)
    return estado, X, y


def llamar(student, reference, epocas):
    estado, X, y = problema(reference)
    resultado = student.call("ajustar_cabeza", estado, X, y, epocas)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "ajustar_cabeza debe devolver una tupla (modelo, perdidas).")
    modelo, perdidas = resultado
    expect_module(modelo, "el modelo devuelto")
    expect(isinstance(perdidas, list) and len(perdidas) == epocas,
           f"perdidas debe ser una lista con un valor por época ({epocas} épocas → {epocas} valores).")
    for valor in perdidas:
        expect(isinstance(valor, float), "Cada pérdida de la lista debe ser un número de Python (usa .item()).")
    for clave in ("0.weight", "0.bias", "2.weight", "2.bias"):
        expect(clave in modelo.state_dict,
               "El modelo devuelto no tiene la arquitectura de crear_modelo(): no la cambies.")
    return modelo, perdidas, estado


@check("ajustar_cabeza devuelve el modelo y una pérdida por época", points=2)
def devuelve(student, reference):
    llamar(student, reference, 5)


@check("la primera capa sale exactamente igual que en el estado preentrenado", points=3)
def primera_capa_intacta(student, reference):
    modelo, _, estado = llamar(student, reference, 30)
    for clave in ("0.weight", "0.bias"):
        expect(torch.equal(modelo.state_dict[clave], estado[clave]),
               f"`{clave}` ha cambiado durante el entrenamiento: la primera capa no está completamente congelada.")


@check("los parámetros de la primera capa quedan con requires_grad=False", points=2)
def congelados(student, reference):
    modelo, _, _ = llamar(student, reference, 5)
    for clave in ("0.weight", "0.bias"):
        info = modelo.parameters.get(clave)
        expect(info is not None, "El modelo devuelto no tiene la arquitectura de crear_modelo(): no la cambies.")
        expect(not info["requires_grad"], f"`{clave}` sigue teniendo requires_grad=True.")
    for clave in ("2.weight", "2.bias"):
        expect(modelo.parameters[clave]["requires_grad"],
               f"`{clave}` tiene requires_grad=False, pero la cabeza es justo lo que hay que entrenar.")


@check("la cabeza se entrena y la pérdida baja", points=3)
def cabeza_entrenada(student, reference):
    modelo, perdidas, estado = llamar(student, reference, 100)
    expect(not torch.equal(modelo.state_dict["2.weight"], estado["2.weight"]),
           "Los pesos de la cabeza (`2.weight`) no han cambiado: el optimizador no la está entrenando.")
    expect_decreased(perdidas, "la pérdida", min_ratio=0.5)
