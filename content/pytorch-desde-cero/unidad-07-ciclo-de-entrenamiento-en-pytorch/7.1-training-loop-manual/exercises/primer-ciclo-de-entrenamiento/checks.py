def datos(n=128):
    pesos = torch.randn(3, 1) * 2
    sesgo = torch.randn(1)
    X = torch.randn(n, 3)
    y = X @ pesos + sesgo + 0.01 * torch.randn(n, 1)
    return X, y, pesos, sesgo


@check("entrenar devuelve el modelo y una pérdida por época", points=2)
def devuelve(student, reference):
    X, y, _, _ = datos()
    resultado = student.call("entrenar", X, y, 20)
    expect(isinstance(resultado, tuple) and len(resultado) == 2, "entrenar debe devolver una tupla (modelo, perdidas).")
    modelo, perdidas = resultado
    expect_module(modelo, "el modelo")
    expect(isinstance(perdidas, list) and len(perdidas) == 20,
           "perdidas debe ser una lista con un valor por época (20 épocas → 20 valores).")
    for valor in perdidas:
        expect_plain_number(valor, "cada pérdida de la lista")


@check("la pérdida baja durante el entrenamiento", points=4)
def baja(student, reference):
    X, y, _, _ = datos()
    _, perdidas = student.call("entrenar", X, y, 60)
    expect_decreased(perdidas, "la pérdida", min_ratio=0.05)


@check("el modelo aprende los coeficientes de los datos", points=4)
def aprende(student, reference):
    X, y, pesos, sesgo = datos()
    modelo, _ = student.call("entrenar", X, y, 150)
    weight = modelo.state_dict.get("weight")
    bias = modelo.state_dict.get("bias")
    expect(weight is not None and bias is not None, "El modelo debe ser un nn.Linear(3, 1).")
    expect_close(weight.reshape(3, 1), pesos, "los pesos aprendidos", rtol=0.05, atol=0.05)
    expect_close(bias.reshape(1), sesgo, "el sesgo aprendido", rtol=0.05, atol=0.05)
