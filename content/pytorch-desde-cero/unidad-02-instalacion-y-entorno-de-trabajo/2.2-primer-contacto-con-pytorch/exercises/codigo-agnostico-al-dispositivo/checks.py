DISPOSITIVO = "cpu"


@check("preparar_lote devuelve X en float32 e y en int64 en el dispositivo pedido", points=3)
def preparar(student, reference):
    n, d = random.randint(4, 12), random.randint(2, 5)
    X = torch.randn(n, d, dtype=torch.float64)
    y = torch.randint(0, 3, (n,)).to(torch.float64)
    resultado = student.call("preparar_lote", X, y, DISPOSITIVO)
    expect(isinstance(resultado, tuple) and len(resultado) == 2,
           "preparar_lote debe devolver una tupla (X_dev, y_dev).")
    X_dev, y_dev = resultado
    expect_shape(X_dev, (n, d), "X_dev")
    expect_dtype(X_dev, torch.float32, "X_dev")
    expect_device(X_dev, DISPOSITIVO, "X_dev")
    expect_close(X_dev, X.float(), "X_dev")
    expect_shape(y_dev, (n,), "y_dev")
    expect_dtype(y_dev, torch.int64, "y_dev")
    expect_device(y_dev, DISPOSITIVO, "y_dev")
    expect(torch.equal(y_dev, y.long()), "y_dev no contiene las mismas etiquetas que y.")


@check("predecir_en calcula X @ W + b y lo deja en el dispositivo pedido", points=3)
def predecir(student, reference):
    for _ in range(2):
        n, d, k = random.randint(3, 10), random.randint(2, 6), random.randint(1, 4)
        X, W, b = torch.randn(n, d), torch.randn(d, k), torch.randn(k)
        out = student.call("predecir_en", X, W, b, DISPOSITIVO)
        expect_shape(out, (n, k), "predecir_en(X, W, b, device)")
        expect_device(out, DISPOSITIVO, "predecir_en(X, W, b, device)")
        expect_close(out, reference.predecir_en(X, W, b, "cpu"), "predecir_en(X, W, b, device)")


@check("ruido_en crea un vector aleatorio float32 en el dispositivo pedido", points=2)
def ruido(student, reference):
    n = random.randint(2000, 4000)
    out = student.call("ruido_en", n, DISPOSITIVO)
    expect_shape(out, (n,), f"ruido_en({n}, device)")
    expect_dtype(out, torch.float32, f"ruido_en({n}, device)")
    expect_device(out, DISPOSITIVO, f"ruido_en({n}, device)")
    expect(abs(out.mean().item()) < 0.15 and 0.8 < out.std().item() < 1.2,
           "ruido_en no parece seguir una normal estándar (media 0 y desviación 1).")
    otro = student.call("ruido_en", n, DISPOSITIVO)
    expect(not torch.equal(out, otro), "Dos llamadas a ruido_en devolvieron exactamente los mismos números.")


@check("las tres funciones respetan el dispositivo que reciben, aunque no sea la CPU", points=2)
def otro_dispositivo(student, reference):
    # "meta" es un dispositivo sin datos: guarda forma y dtype, así que se puede probar en cualquier máquina.
    n, d, k = random.randint(3, 8), random.randint(2, 5), random.randint(1, 3)
    X_dev, y_dev = student.call("preparar_lote", torch.randn(n, d, dtype=torch.float64),
                                torch.randint(0, 3, (n,)).to(torch.float64), "meta")
    expect_device(X_dev, "meta", 'preparar_lote(X, y, device="meta") → X_dev')
    expect_dtype(X_dev, torch.float32, 'preparar_lote(X, y, device="meta") → X_dev')
    expect_device(y_dev, "meta", 'preparar_lote(X, y, device="meta") → y_dev')
    expect_dtype(y_dev, torch.int64, 'preparar_lote(X, y, device="meta") → y_dev')
    out = student.call("predecir_en", torch.randn(n, d), torch.randn(d, k), torch.randn(k), "meta")
    expect_device(out, "meta", 'predecir_en(X, W, b, device="meta")')
    expect_shape(out, (n, k), 'predecir_en(X, W, b, device="meta")')
    ruido = student.call("ruido_en", n, "meta")
    expect_device(ruido, "meta", 'ruido_en(n, device="meta")')
    expect_dtype(ruido, torch.float32, 'ruido_en(n, device="meta")')
