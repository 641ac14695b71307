@check("cargar_vino devuelve X float32 (178, 13) e y int64 (178,)", points=4)
def vino(student, reference):
    resultado = student.call("cargar_vino")
    expect(isinstance(resultado, tuple) and len(resultado) == 2, "cargar_vino debe devolver una tupla (X, y).")
    X, y = resultado
    X_ref, y_ref = reference.cargar_vino()
    expect_shape(X, (178, 13), "X")
    expect_dtype(X, torch.float32, "X")
    expect_shape(y, (178,), "y")
    expect_dtype(y, torch.int64, "y")
    expect_close(X, X_ref, "X")
    expect(torch.equal(y, y_ref), "y no contiene las etiquetas del conjunto de datos wine.")


def problema():
    n, d = random.randint(20, 60), random.randint(2, 5)
    X = torch.randn(n, d)
    y = X @ torch.randn(d) + 0.1 * torch.randn(n)
    return X, y, random.randint(4, 10), round(random.uniform(0.05, 0.2), 3)


@check("historial_de_pesos devuelve un array de NumPy float32 por paso", points=2)
def formato(student, reference):
    X, y, pasos, lr = problema()
    historial = student.call("historial_de_pesos", X, y, pasos, lr)
    expect(isinstance(historial, list), f"historial_de_pesos debe devolver una lista, pero devolvió "
                                        f"{type(historial).__name__}.")
    expect(len(historial) == pasos, f"Con pasos={pasos} el historial debería tener {pasos} elementos, pero tiene "
                                    f"{len(historial)}.")
    for i, pesos in enumerate(historial):
        expect(type(pesos).__module__ == "numpy" and hasattr(pesos, "shape"),
               f"El elemento {i} del historial debería ser un array de NumPy, pero es {type(pesos).__name__}.")
        expect(tuple(pesos.shape) == (X.shape[1],),
               f"El elemento {i} del historial tiene forma {tuple(pesos.shape)}, se esperaba {(X.shape[1],)}.")
        expect(str(pesos.dtype) == "float32",
               f"El elemento {i} del historial tiene dtype {pesos.dtype}, se esperaba float32.")


@check("cada array del historial conserva los pesos del paso en que se guardó", points=4)
def valores(student, reference):
    X, y, pasos, lr = problema()
    historial = student.call("historial_de_pesos", X, y, pasos, lr)
    esperado = reference.historial_de_pesos(X, y, pasos, lr)
    expect(isinstance(historial, list) and len(historial) == pasos,
           f"historial_de_pesos debe devolver una lista con {pasos} arrays.")
    iguales = all(torch.equal(torch.as_tensor(historial[0]), torch.as_tensor(p)) for p in historial[1:])
    expect(not iguales, "Todos los arrays del historial son idénticos: parece que no guardan los pesos de cada "
                        "paso, sino que siguen cambiando con w.")
    for i, (pesos, ref) in enumerate(zip(historial, esperado)):
        expect_close(torch.as_tensor(pesos), torch.from_numpy(ref), f"los pesos guardados en el paso {i}",
                     rtol=1e-4, atol=1e-5)
