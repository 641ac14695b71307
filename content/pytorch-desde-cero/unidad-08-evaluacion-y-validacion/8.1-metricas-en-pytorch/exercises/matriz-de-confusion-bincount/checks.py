import ast


def etiquetas(num_clases=None, n=None, ausentes=0):
    c = num_clases or random.randint(3, 6)
    n = n or random.randint(40, 150)
    presentes = c - ausentes                # las últimas `ausentes` clases no aparecen
    y_true = torch.randint(0, presentes, (n,))
    y_pred = y_true.clone()
    errores = torch.rand(n) < 0.4
    y_pred[errores] = torch.randint(0, presentes, (int(errores.sum()),))
    return y_true, y_pred, c


@check("matriz_confusion devuelve una tabla (C, C) de enteros que suma N", points=2)
def forma(student, reference):
    y_true, y_pred, c = etiquetas()
    out = student.call("matriz_confusion", y_true, y_pred, c)
    expect_shape(out, (c, c), "matriz_confusion(...)")
    expect_dtype(out, torch.long, "matriz_confusion(...)")
    expect(int(out.sum()) == len(y_true),
           f"Las casillas de la matriz suman {int(out.sum())}, pero hay {len(y_true)} ejemplos.")


@check("cada casilla cuenta los ejemplos de su clase real (fila) y predicha (columna)", points=3)
def valores(student, reference):
    for _ in range(3):
        y_true, y_pred, c = etiquetas()
        out = student.call("matriz_confusion", y_true, y_pred, c)
        esperado = reference.matriz_confusion(y_true, y_pred, c)
        expect_shape(out, (c, c), "matriz_confusion(...)")
        if not torch.equal(out.long(), esperado) and torch.equal(out.long(), esperado.T):
            expect(False, "La matriz está traspuesta: las filas deben ser la clase real y las columnas la predicha.")
        expect_close(out, esperado, "matriz_confusion(...)")


@check("la matriz tiene todas las clases aunque alguna no aparezca en los datos", points=2)
def clases_ausentes(student, reference):
    y_true, y_pred, c = etiquetas(ausentes=2)
    out = student.call("matriz_confusion", y_true, y_pred, c)
    expect_shape(out, (c, c), "matriz_confusion(...) cuando faltan las últimas clases")
    expect_close(out, reference.matriz_confusion(y_true, y_pred, c), "matriz_confusion(...)")


@check("precision_recall_por_clase calcula la precisión y el recall de cada clase", points=3)
def por_clase(student, reference):
    for ausentes in (0, 1):
        y_true, y_pred, c = etiquetas(ausentes=ausentes)
        confusion = reference.matriz_confusion(y_true, y_pred, c)
        if ausentes == 0:
            confusion[:, 0] = 0                 # una clase que nunca se predice
        out = student.call("precision_recall_por_clase", confusion)
        expect(isinstance(out, tuple) and len(out) == 2,
               "precision_recall_por_clase debe devolver una tupla (precision, recall).")
        precision, recall = out
        esperado_p, esperado_r = reference.precision_recall_por_clase(confusion)
        expect_shape(precision, (c,), "precision")
        expect_shape(recall, (c,), "recall")
        expect_dtype(precision, torch.float32, "precision")
        expect_finite(precision, "precision")
        expect_finite(recall, "recall")
        if torch.allclose(precision, esperado_r) and not torch.allclose(precision, esperado_p):
            expect(False, "La precisión y el recall están intercambiados: revisa qué suma (filas o columnas) "
                          "va en cada denominador.")
        expect_close(precision, esperado_p, "precision")
        expect_close(recall, esperado_r, "recall")



def recorre_ejemplos(source):
    """True if the body of matriz_confusion has a Python loop or comprehension."""
    for nodo in ast.walk(source.tree):
        if isinstance(nodo, ast.FunctionDef) and nodo.name == "matriz_confusion":
            return any(isinstance(n, (ast.For, ast.While, ast.comprehension)) for n in ast.walk(nodo))
    return False


@check("la matriz se construye con torch.bincount, sin bucles ni scikit-learn", points=1)
def con_bincount(student, reference):
    expect_no_import(student.source, "sklearn",
                     "El ejercicio pide construir la matriz con tensores: tu código importa scikit-learn.")
    expect_calls(student.source, "bincount",
                 "El ejercicio pide construir la matriz con torch.bincount, contando códigos fila·C + columna.")
    expect(not recorre_ejemplos(student.source),
           "matriz_confusion no debe recorrer los ejemplos con un bucle de Python: bincount cuenta todos de una vez.")
    y_true, y_pred, c = etiquetas()
    expect(torch.equal(student.call("matriz_confusion", y_true, y_pred, c),
                       reference.matriz_confusion(y_true, y_pred, c)),
           "La matriz no coincide con el recuento esperado.")
