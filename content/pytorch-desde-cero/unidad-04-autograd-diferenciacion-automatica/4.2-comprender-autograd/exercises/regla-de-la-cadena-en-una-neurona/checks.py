import ast


def neurona(escala=1.0):
    d = random.randint(2, 6)
    x = torch.randn(d)
    w = torch.randn(d) * escala
    b = torch.randn(()) * escala
    t = float(random.randint(0, 1))
    return x, w, b, t


def escalar(valor, nombre):
    expect(valor is not None, f"{nombre} es None: no se calculó ese gradiente.")
    valor = torch.as_tensor(valor)
    expect(valor.numel() == 1, f"{nombre} debería ser un único número (forma ()), pero tiene forma {tuple(valor.shape)}.")
    return valor.reshape(())


def gradientes(student, nombre, x, w, b, t):
    resultado = student.call(nombre, x, w, b, t)
    expect(isinstance(resultado, tuple) and len(resultado) == 2, f"{nombre} debe devolver una tupla (dL/dw, dL/db).")
    return resultado


def comprobar(student, reference, nombre, escala):
    x, w, b, t = neurona(escala)
    dw, db = gradientes(student, nombre, x, w, b, t)
    dw_ref, db_ref = reference.gradientes_autograd(x, w, b, t)
    expect_shape(dw, tuple(w.shape), f"dL/dw de {nombre}")
    expect_close(dw, dw_ref, f"dL/dw de {nombre}", rtol=1e-4, atol=1e-6)
    expect_close(escalar(db, f"dL/db de {nombre}"), db_ref, f"dL/db de {nombre}", rtol=1e-4, atol=1e-6)


@check("gradientes_a_mano da los gradientes correctos", points=3)
def a_mano(student, reference):
    for _ in range(3):
        comprobar(student, reference, "gradientes_a_mano", 1.0)


@check("gradientes_a_mano también acierta con la sigmoide casi saturada", points=1)
def a_mano_saturada(student, reference):
    comprobar(student, reference, "gradientes_a_mano", 3.0)


@check("gradientes_autograd da los gradientes correctos", points=3)
def con_autograd(student, reference):
    for _ in range(3):
        comprobar(student, reference, "gradientes_autograd", 1.0)


@check("las dos versiones coinciden entre sí", points=1)
def coinciden(student, reference):
    x, w, b, t = neurona()
    dw1, db1 = gradientes(student, "gradientes_a_mano", x, w, b, t)
    dw2, db2 = gradientes(student, "gradientes_autograd", x, w, b, t)
    expect_close(dw1, dw2, "dL/dw a mano frente a autograd", rtol=1e-4, atol=1e-6)
    expect_close(escalar(db1, "dL/db a mano"), escalar(db2, "dL/db con autograd"),
                 "dL/db a mano frente a autograd", rtol=1e-4, atol=1e-6)


def llamadas_en(source, funcion):
    """Names called inside one function of the submitted code (its own body, as written)."""
    for nodo in ast.walk(source.tree):
        if isinstance(nodo, ast.FunctionDef) and nodo.name == funcion:
            return {n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
                    for n in ast.walk(nodo) if isinstance(n, ast.Call)}
    return set()


@check("gradientes_a_mano aplica la regla de la cadena sin autograd, y gradientes_autograd usa autograd", points=2)
def metodo(student, reference):
    a_mano = llamadas_en(student.source, "gradientes_a_mano")
    expect(not a_mano & {"backward", "grad", "gradientes_autograd"},
           "gradientes_a_mano no debe pedir el gradiente a autograd (ni llamar a backward() ni a "
           "gradientes_autograd): el ejercicio es aplicar tú la regla de la cadena, eslabón a eslabón.")
    expect(student.source.calls_name("backward") or student.source.calls_name("torch.autograd.grad"),
           "gradientes_autograd debe calcular los gradientes con autograd (requires_grad y backward()).")
