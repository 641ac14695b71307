def matriz(k=None):
    k = k or random.randint(3, 10)
    confusion = torch.randint(0, 5, (k, k))
    confusion.fill_diagonal_(0)
    confusion += torch.diag(torch.randint(20, 61, (k,)))
    real = random.randrange(k)
    predicha = random.choice([j for j in range(k) if j != real])
    confusion[real, predicha] = 4 + random.randint(2, 6)    # única celda máxima fuera de la diagonal
    return confusion, (real, predicha)


def analizar(student, confusion):
    resultado = student.call("analizar_confusion", confusion)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "analizar_confusion debe devolver una tupla (par, exactitud_por_clase).")
    par, exactitud = resultado
    if isinstance(par, torch.Tensor):
        par = tuple(int(v) for v in par.reshape(-1).tolist())
    expect(isinstance(par, (tuple, list)) and len(par) == 2,
           "par debe ser una tupla (real, predicha) con dos enteros.")
    par = tuple(int(v) for v in par)
    return par, exactitud


@check("exactitud_por_clase es la proporción de aciertos de cada clase real", points=4)
def exactitud(student, reference):
    for _ in range(3):
        confusion, _ = matriz()
        k = confusion.shape[0]
        _, out = analizar(student, confusion)
        expect_shape(out, (k,), "exactitud_por_clase")
        expect(out.is_floating_point(), "exactitud_por_clase debe ser un tensor de coma flotante.")
        _, esperado = reference.analizar_confusion(confusion)
        expect_close(out.double(), esperado.double(), "exactitud_por_clase", rtol=1e-4, atol=1e-5)


@check("par es la confusión más frecuente, fuera de la diagonal", points=4)
def par_mas_confundido(student, reference):
    for _ in range(3):
        confusion, esperado = matriz()
        par, _ = analizar(student, confusion)
        expect(par[0] != par[1],
               f"par = {par} es una celda de la diagonal: esos son aciertos, no confusiones.")
        expect(par == esperado,
               f"par = {par} no es la celda fuera de la diagonal con más ejemplos (recuerda: filas = clase "
               f"real, columnas = predicción).")


@check("funciona con la matriz de un modelo de dígitos", points=2)
def digitos(student, reference):
    confusion, esperado = matriz(10)
    par, out = analizar(student, confusion)
    _, referencia = reference.analizar_confusion(confusion)
    expect(par == esperado, "par no es la confusión más frecuente de la matriz de 10 × 10.")
    expect_shape(out, (10,), "exactitud_por_clase")
    expect_close(out.double(), referencia.double(), "exactitud_por_clase", rtol=1e-4, atol=1e-5)
