from torch import nn


def red_de_referencia():
    return nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, 16), nn.ReLU(), nn.Linear(16, 1))


def pesos_del_corrector(student):
    """Loads weights chosen here into the student's model, so the comparison never rests on the student's own."""
    red = red_de_referencia()
    with torch.no_grad():
        for p in red.parameters():
            p.copy_(torch.randn_like(p) * 0.3)
    estado = student.get("modelo")
    expect_module(estado, "modelo")
    expect(set(estado.state_dict) == set(red.state_dict()),
           "`modelo` ya no es el clasificador del enunciado: no cambies sus capas.")
    student.call("modelo.load_state_dict", red.state_dict())
    red.eval()
    return red


@check("predecir_lote devuelve un logit por imagen con forma (N,)", points=3)
def lote(student, reference):
    red = pesos_del_corrector(student)
    for _ in range(2):
        n = random.randint(2, 9)
        x = torch.randn(n, 3, 8, 8)
        out = student.call("predecir_lote", x)
        expect_shape(out, (n,), f"predecir_lote(x) con x de forma {tuple(x.shape)}")
        with torch.no_grad():
            expect_close(out, red(x)[:, 0], "predecir_lote(x)", rtol=1e-4, atol=1e-5)


@check("predecir_lote mantiene la dimensión de lote cuando N = 1", points=3)
def lote_de_uno(student, reference):
    red = pesos_del_corrector(student)
    x = torch.randn(1, 3, 8, 8)
    out = student.call("predecir_lote", x)
    expect_tensor(out, "predecir_lote(x)")
    expect(tuple(out.shape) == (1,),
           f"Con un lote de un solo ejemplo, predecir_lote devuelve forma {tuple(out.shape)} en lugar de (1,): al "
           "quitar la dimensión de la salida también desaparece la dimensión de lote.")
    with torch.no_grad():
        expect_close(out, red(x)[:, 0], "predecir_lote(x) con N = 1", rtol=1e-4, atol=1e-5)


@check("predecir_una acepta una imagen (3, 8, 8) y devuelve un escalar", points=4)
def una(student, reference):
    red = pesos_del_corrector(student)
    imagen = torch.randn(3, 8, 8)
    out = student.call("predecir_una", imagen)
    expect_shape(out, (), "predecir_una(imagen)")
    with torch.no_grad():
        expect_close(out, red(imagen.unsqueeze(0))[0, 0], "predecir_una(imagen)", rtol=1e-4, atol=1e-5)
