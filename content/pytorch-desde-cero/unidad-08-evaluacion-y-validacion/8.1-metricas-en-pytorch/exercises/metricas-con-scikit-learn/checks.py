from sklearn.metrics import f1_score, log_loss, roc_auc_score

CLAVES = ("f1", "roc_auc", "log_loss")


def lotes_aleatorios():
    separacion = random.uniform(0.5, 1.5)
    lotes = []
    for tam in [random.randint(12, 30) for _ in range(random.randint(3, 5))]:
        y = torch.randint(0, 2, (tam,))
        y[0], y[1] = 0, 1                          # cada lote tiene las dos clases
        logits = (separacion * (2.0 * y - 1.0) + torch.randn(tam)).unsqueeze(1)
        lotes.append((logits, y))
    return lotes


def esperado(lotes):
    y = torch.cat([e for _, e in lotes]).numpy()
    prob = torch.sigmoid(torch.cat([l for l, _ in lotes]).squeeze(1)).numpy()
    return {"f1": f1_score(y, (prob > 0.5).astype(int)), "roc_auc": roc_auc_score(y, prob),
            "log_loss": log_loss(y, prob)}


def pedir(student, lotes):
    out = student.call("evaluar", lotes)
    expect(isinstance(out, dict), f"evaluar debe devolver un diccionario, pero devuelve {type(out).__name__}.")
    for clave in CLAVES:
        expect(clave in out, f"Falta la clave '{clave}' en el diccionario que devuelve evaluar.")
    return {clave: expect_plain_number(out[clave], f"evaluar(lotes)['{clave}']") for clave in CLAVES}


@check("devuelve tres números de Python", points=1)
def numeros(student, reference):
    pedir(student, lotes_aleatorios())


@check("el F1 se calcula con las clases de todos los lotes juntos", points=3)
def f1(student, reference):
    lotes = lotes_aleatorios()
    out, ref = pedir(student, lotes), esperado(lotes)
    expect(abs(out["f1"] - ref["f1"]) < 1e-6,
           f"Tu F1 es {out['f1']:.4f} y no coincide con el de todos los ejemplos. ¿Usas el umbral de probabilidad "
           "0.5 y reúnes todos los lotes antes de calcularlo?")


@check("el ROC AUC usa las probabilidades, no las clases", points=3)
def roc_auc(student, reference):
    lotes = lotes_aleatorios()
    out, ref = pedir(student, lotes), esperado(lotes)
    expect(abs(out["roc_auc"] - ref["roc_auc"]) < 1e-6,
           f"Tu ROC AUC es {out['roc_auc']:.4f} y no coincide con el esperado. Esta métrica evalúa cómo ordena el "
           "modelo los ejemplos: ¿qué le estás pasando?")


@check("la log loss usa las probabilidades de todos los ejemplos", points=3)
def perdida_log(student, reference):
    lotes = lotes_aleatorios()
    out, ref = pedir(student, lotes), esperado(lotes)
    expect(abs(out["log_loss"] - ref["log_loss"]) < 1e-4,
           f"Tu log loss es {out['log_loss']:.4f} y no coincide con la esperada. Necesita probabilidades entre 0 y 1 "
           "de la clase positiva.")
