import torch.nn.functional as F


def tamanos():
    n, c = random.sample(range(3, 10), 2)      # N distinto de C: un error de forma no se esconde
    return n, c


def pedir(student, tarea, salida, objetivo):
    valor = student.call("perdida_para", tarea, salida, objetivo)
    expect_shape(valor, (), f'perdida_para("{tarea}", ...)')
    return valor


@check("regresión: error cuadrático medio entre cada predicción y su valor", points=2)
def regresion(student, reference):
    n, _ = tamanos()
    salida, objetivo = torch.randn(n, 1) * 2, torch.randn(n) * 2
    valor = pedir(student, "regresion", salida, objetivo)
    expect_close(valor, F.mse_loss(salida[:, 0], objetivo), 'perdida_para("regresion", ...)', rtol=1e-4, atol=1e-6)


@check("binaria: entropía cruzada binaria sobre el logit", points=3)
def binaria(student, reference):
    n, _ = tamanos()
    for escala in (2.0, 60.0):
        salida, objetivo = torch.randn(n, 1) * escala, torch.randint(0, 2, (n,))
        if escala > 2.0:
            salida[0, 0], objetivo[0] = 150.0, 0     # un error muy seguro de sí mismo
        valor = pedir(student, "binaria", salida, objetivo)
        esperado = F.binary_cross_entropy_with_logits(salida[:, 0], objetivo.float())
        nombre = 'perdida_para("binaria", ...)' + (" con logits muy grandes" if escala > 2.0 else "")
        expect_close(valor, esperado, nombre, rtol=1e-4, atol=1e-5)


@check("multiclase: entropía cruzada con índices de clase", points=2)
def multiclase(student, reference):
    n, c = tamanos()
    salida, objetivo = torch.randn(n, c) * 2, torch.randint(0, c, (n,))
    valor = pedir(student, "multiclase", salida, objetivo)
    expect_close(valor, F.cross_entropy(salida, objetivo), 'perdida_para("multiclase", ...)', rtol=1e-4, atol=1e-6)


@check("multietiqueta: una decisión de sí o no independiente por etiqueta", points=3)
def multietiqueta(student, reference):
    n, k = tamanos()
    for escala in (2.0, 60.0):
        salida, objetivo = torch.randn(n, k) * escala, torch.randint(0, 2, (n, k)).float()
        valor = pedir(student, "multietiqueta", salida, objetivo)
        esperado = F.binary_cross_entropy_with_logits(salida, objetivo)
        nombre = 'perdida_para("multietiqueta", ...)' + (" con logits muy grandes" if escala > 2.0 else "")
        expect_close(valor, esperado, nombre, rtol=1e-4, atol=1e-5)
