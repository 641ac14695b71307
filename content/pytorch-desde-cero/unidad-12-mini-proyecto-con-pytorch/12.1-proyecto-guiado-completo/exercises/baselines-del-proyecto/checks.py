import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def etiquetas(n, k, dominante):
    pesos = torch.ones(k)
    pesos[dominante] = 4.0
    y = torch.multinomial(pesos / pesos.sum(), n, replacement=True)
    y[: n // 3] = dominante     # garantiza una mayoritaria clara
    return y[torch.randperm(n)]


def numero(valor, nombre):
    if isinstance(valor, np.ndarray) and valor.size == 1:
        valor = float(valor)        # un escalar de NumPy (por ejemplo, el que devuelve score) también vale
    valor = expect_number(valor, nombre)
    expect(0.0 <= valor <= 1.0, f"{nombre} debería ser una exactitud entre 0 y 1, pero vale {valor:.4g}.")
    return valor


@check("baseline_mayoritaria calcula la exactitud de la clase más frecuente", points=2)
def mayoritaria_simple(student, reference):
    k = random.randint(3, 10)
    clase = random.randrange(k)
    y = etiquetas(random.randint(60, 200), k, clase)
    y_eval = etiquetas(random.randint(40, 120), k, clase)
    valor = numero(student.call("baseline_mayoritaria", y, y_eval), "baseline_mayoritaria")
    expect_close(valor, reference.baseline_mayoritaria(y, y_eval), "baseline_mayoritaria", atol=1e-6)


@check("la clase mayoritaria se decide solo con entrenamiento", points=3)
def mayoritaria_train(student, reference):
    for _ in range(2):
        k = random.randint(3, 10)
        clase_train = random.randrange(k)
        clase_eval = (clase_train + random.randint(1, k - 1)) % k
        y_train = etiquetas(random.randint(60, 200), k, clase_train)
        y_eval = etiquetas(random.randint(40, 120), k, clase_eval)
        valor = numero(student.call("baseline_mayoritaria", y_train, y_eval), "baseline_mayoritaria")
        expect(abs(valor - reference.baseline_mayoritaria(y_train, y_eval)) < 1e-6,
               "La exactitud no es la de la clase más frecuente en entrenamiento medida sobre y_eval. "
               "La baseline no puede mirar las etiquetas de evaluación para decidir qué predice.")


@check("baseline_logistica mide en evaluación el pipeline ajustado con entrenamiento", points=5)
def logistica(student, reference):
    X, y = load_digits(return_X_y=True)
    semilla = random.randint(0, 10**6)
    n = random.randint(700, len(y))
    indices = np.random.RandomState(semilla).permutation(len(y))[:n]
    X_tr, X_ev, y_tr, y_ev = train_test_split(X[indices], y[indices], test_size=0.3, stratify=y[indices],
                                              random_state=semilla)
    X_tr, X_ev = torch.tensor(X_tr, dtype=torch.float32), torch.tensor(X_ev, dtype=torch.float32)
    y_tr, y_ev = torch.tensor(y_tr), torch.tensor(y_ev)
    valor = numero(student.call("baseline_logistica", X_tr, y_tr, X_ev, y_ev), "baseline_logistica")
    esperado = reference.baseline_logistica(X_tr, y_tr, X_ev, y_ev)
    expect(abs(valor - esperado) <= 0.005,
           f"baseline_logistica devolvió {valor:.4f}, que no es la exactitud esperada en evaluación. Ajusta "
           f"el pipeline indicado solo con entrenamiento y mide en (X_eval, y_eval).")
