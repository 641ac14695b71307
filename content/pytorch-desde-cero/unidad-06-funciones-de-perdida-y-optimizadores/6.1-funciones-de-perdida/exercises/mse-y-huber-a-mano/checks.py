from torch import nn


def datos(escala=1.0):
    n = random.randint(6, 20)
    y = torch.randn(n) * 3
    pred = (y + torch.randn(n) * escala).unsqueeze(1)
    return pred, y


def datos_huber(delta):
    pred, y = datos(escala=2 * delta)
    pred[0, 0] = y[0] + 0.4 * delta          # al menos un error pequeño
    pred[1, 0] = y[1] - 3.0 * delta          # y uno grande
    return pred, y


def diagnostico(valor, pred, y, nombre):
    """Explains the two usual slips before the generic comparison."""
    if not isinstance(valor, torch.Tensor) or valor.numel() != 1:
        return
    mal = ((pred - y) ** 2).mean()
    if abs(valor.item() - mal.item()) <= 1e-4 * abs(mal.item()) + 1e-6:
        raise CheckFailed(f"`{nombre}` da el valor que sale al comparar cada predicción con todos los objetivos: "
                          "pred tiene forma (N, 1) e y forma (N,). Revisa las formas antes de restar.")
    suma = ((pred.squeeze(1) - y) ** 2).sum()
    if abs(valor.item() - suma.item()) <= 1e-4 * abs(suma.item()) + 1e-6:
        raise CheckFailed(f"`{nombre}` suma los errores de todos los ejemplos; la pérdida que se pide es una media.")


@check("mse y huber devuelven un tensor escalar", points=2)
def escalares(student, reference):
    pred, y = datos()
    expect_shape(student.call("mse", pred, y), (), "mse(pred, y)")
    expect_shape(student.call("huber", pred, y, 1.0), (), "huber(pred, y, 1.0)")


@check("mse coincide con nn.MSELoss", points=3)
def valores_mse(student, reference):
    for _ in range(3):
        pred, y = datos(escala=random.uniform(0.5, 3))
        esperado = nn.MSELoss()(pred.squeeze(1), y)
        valor = student.call("mse", pred, y)
        diagnostico(valor, pred, y, "mse(pred, y)")
        expect_close(valor, esperado, "mse(pred, y)", rtol=1e-4, atol=1e-5)


@check("huber coincide con nn.HuberLoss con delta=1", points=3)
def valores_huber(student, reference):
    for _ in range(2):
        pred, y = datos_huber(1.0)
        esperado = nn.HuberLoss(delta=1.0)(pred.squeeze(1), y)
        expect_close(student.call("huber", pred, y), esperado, "huber(pred, y)", rtol=1e-4, atol=1e-5)


@check("huber respeta el delta que recibe", points=2)
def otros_deltas(student, reference):
    for delta in (random.uniform(0.2, 0.8), random.uniform(1.5, 4.0)):
        pred, y = datos_huber(delta)
        esperado = nn.HuberLoss(delta=delta)(pred.squeeze(1), y)
        expect_close(student.call("huber", pred, y, delta), esperado, f"huber(pred, y, delta={delta:.2f})",
                     rtol=1e-4, atol=1e-5)


@check("las pérdidas se calculan a mano, sin las de PyTorch", points=1)
def a_mano(student, reference):
    for nombre in ("mse_loss", "huber_loss", "smooth_l1_loss", "MSELoss", "HuberLoss", "SmoothL1Loss"):
        expect_no_call(student.source, nombre,
                       f"El ejercicio pide calcular las pérdidas a mano con operaciones de tensores, y tu código "
                       f"llama a `{nombre}`.")
    pred, y = datos_huber(1.0)
    expect_close(student.call("huber", pred, y, 1.0), nn.HuberLoss(delta=1.0)(pred.squeeze(1), y), "huber(pred, y)",
                 rtol=1e-4, atol=1e-5)
