import ast


def tiene_bucles(source, funcion):
    """True si la función, tal como se escribió, recorre datos con for, while o una comprensión."""
    for nodo in ast.walk(source.tree):
        if isinstance(nodo, ast.FunctionDef) and nodo.name == funcion:
            return any(isinstance(n, (ast.For, ast.While, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
                       for n in ast.walk(nodo))
    return False


def clase():
    alumnos, examenes = random.randint(6, 12), random.randint(2, 5)
    return torch.rand(alumnos, examenes) * 10


@check("media_por_alumno devuelve la media de cada alumno", points=3)
def medias(student, reference):
    for _ in range(2):
        notas = clase()
        out = student.call("media_por_alumno", notas)
        expect_shape(out, (notas.shape[0],), "media_por_alumno(notas)")
        expect_close(out, reference.media_por_alumno(notas), "media_por_alumno(notas)")


@check("mejor_examen devuelve el índice del mejor examen de cada alumno", points=3)
def mejores(student, reference):
    notas = clase()
    out = student.call("mejor_examen", notas)
    expect_shape(out, (notas.shape[0],), "mejor_examen(notas)")
    expect(not out.is_floating_point(),
           f"mejor_examen(notas) debería contener índices enteros, pero tiene dtype {out.dtype}.")
    expect(torch.equal(out.long(), reference.mejor_examen(notas)),
           "mejor_examen(notas) no señala el examen con la nota más alta de cada alumno.")


@check("notas_de_aprobados devuelve las filas de los alumnos aprobados", points=3)
def aprobados(student, reference):
    for _ in range(3):
        notas = clase()
        medias = notas.mean(dim=1)
        # Un umbral que deja aprobados y suspensos en la clase
        umbral = round(float(medias.median()), 2)
        esperado = reference.notas_de_aprobados(notas, umbral)
        out = student.call("notas_de_aprobados", notas, umbral)
        expect_shape(out, tuple(esperado.shape), f"notas_de_aprobados(notas, {umbral})")
        expect_close(out, esperado, f"notas_de_aprobados(notas, {umbral})")


@check("sin bucles de Python: operaciones sobre el tensor entero", points=1)
def sin_bucles(student, reference):
    for nombre in ('media_por_alumno', 'mejor_examen', 'notas_de_aprobados'):
        expect(not tiene_bucles(student.source, nombre),
               f"{nombre} recorre los datos con un bucle de Python; el ejercicio pide hacerlo sin bucles, con "
               f"operaciones sobre el tensor completo (reducciones con dim, máscaras, @).")
