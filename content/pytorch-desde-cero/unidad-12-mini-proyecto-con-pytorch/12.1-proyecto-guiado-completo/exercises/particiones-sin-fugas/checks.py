import numpy as np
from sklearn.datasets import load_digits

NOMBRES = ("train", "val", "test")


def datos():
    X, y = load_digits(return_X_y=True)
    n = random.randint(600, len(y))
    orden = torch.randperm(len(y))[:n].numpy()
    return torch.tensor(X[orden], dtype=torch.float32), torch.tensor(y[orden], dtype=torch.long)


def particiones(student, X, y, semilla):
    resultado = student.call("preparar_datos", X, y, semilla)
    expect(isinstance(resultado, dict) and all(k in resultado for k in NOMBRES),
           "preparar_datos debe devolver un diccionario con las claves \"train\", \"val\" y \"test\".")
    partes = {}
    for nombre in NOMBRES:
        parte = resultado[nombre]
        expect(isinstance(parte, (tuple, list)) and len(parte) == 3,
               f"resultado[\"{nombre}\"] debe ser una tupla (X_parte, y_parte, indices).")
        Xp, yp, idx = parte
        for valor, que in ((Xp, "X"), (yp, "y"), (idx, "indices")):
            expect_tensor(valor, f"{que} de {nombre}")
        partes[nombre] = (Xp, yp, idx.long())
    return partes


_cache = {}


def caso(student):
    if "partes" not in _cache:
        X, y = datos()
        semilla = random.randint(0, 10**6)
        _cache.update(X=X, y=y, semilla=semilla)
        _cache["partes"] = particiones(student, X, y, semilla)
    return _cache["X"], _cache["y"], _cache["partes"]


@check("las particiones tienen los tamaños y tipos correctos", points=2)
def tamanos(student, reference):
    X, y, partes = caso(student)
    n = len(y)
    n_test = math.ceil(0.2 * n)
    n_val = math.ceil(0.2 * (n - n_test))
    esperados = {"train": n - n_test - n_val, "val": n_val, "test": n_test}
    for nombre in NOMBRES:
        Xp, yp, idx = partes[nombre]
        expect(abs(len(idx) - esperados[nombre]) <= 1,
               f"La partición {nombre} tiene {len(idx)} ejemplos de {n}; no corresponde a un 20 % para test y "
               f"un 20 % del resto para validación.")
        expect_shape(Xp, (len(idx), 64), f"X de {nombre}")
        expect_shape(yp, (len(idx),), f"y de {nombre}")
        expect_dtype(Xp, torch.float32, f"X de {nombre}")
        expect_dtype(yp, torch.long, f"y de {nombre}")


@check("las particiones son disjuntas, cubren todo y conservan las etiquetas", points=2)
def disjuntas(student, reference):
    X, y, partes = caso(student)
    todos = torch.cat([partes[nombre][2] for nombre in NOMBRES])
    expect(len(todos) == len(y) and torch.equal(todos.sort().values, torch.arange(len(y))),
           "Cada ejemplo debe aparecer en una sola partición, y todos deben estar en alguna.")
    for nombre in NOMBRES:
        _, yp, idx = partes[nombre]
        expect(torch.equal(yp, y[idx]), f"Las etiquetas de {nombre} no corresponden a sus índices.")


@check("cada partición conserva la proporción de clases", points=2)
def estratificada(student, reference):
    X, y, partes = caso(student)
    proporcion = torch.bincount(y, minlength=10).float() / len(y)
    for nombre in ("val", "test"):
        _, yp, _ = partes[nombre]
        cuentas = torch.bincount(yp, minlength=10).float()
        desvio = (cuentas - proporcion * len(yp)).abs().max().item()
        expect(desvio <= 2.5,
               f"La proporción de clases en {nombre} se aleja de la del conjunto completo (hasta {desvio:.1f} "
               f"ejemplos en alguna clase): la partición no está estratificada.")


@check("la estandarización se ajusta solo con entrenamiento", points=3)
def sin_fugas(student, reference):
    X, y, partes = caso(student)
    X_train_original = X[partes["train"][2]].double()
    media = X_train_original.mean(dim=0)
    desv = X_train_original.std(dim=0, unbiased=False)
    desv[desv == 0] = 1.0
    Xt = partes["train"][0]
    expect_finite(Xt, "X de train")
    expect(Xt.double().mean(dim=0).abs().max().item() < 1e-3,
           "Cada columna de X de train debería tener media 0 tras estandarizar: la media y la desviación se "
           "calculan con los datos de entrenamiento, y solo con ellos.")
    for nombre in NOMBRES:
        Xp, _, idx = partes[nombre]
        esperado = (X[idx].double() - media) / desv
        expect_finite(Xp, f"X de {nombre}")
        diferencia = (Xp.double() - esperado).abs().max().item()
        expect(diferencia < 0.1,
               f"X de {nombre} no está estandarizado con la media y la desviación de entrenamiento: hay fugas "
               f"de información o una transformación distinta.")


@check("la misma semilla da la misma partición", points=1)
def reproducible(student, reference):
    X, y = datos()
    semilla = random.randint(0, 10**6)
    a = particiones(student, X, y, semilla)
    b = particiones(student, X, y, semilla)
    c = particiones(student, X, y, semilla + 1)
    expect(all(torch.equal(a[k][2], b[k][2]) for k in NOMBRES),
           "Dos llamadas con la misma semilla dan particiones distintas: usa la semilla en cada división.")
    expect(not torch.equal(a["test"][2], c["test"][2]),
           "Con semillas distintas obtienes la misma partición: ¿usas la semilla que recibe la función?")
