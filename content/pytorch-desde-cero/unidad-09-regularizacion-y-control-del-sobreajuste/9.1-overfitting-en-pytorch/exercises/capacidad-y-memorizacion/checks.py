def tamanos_aleatorios():
    n_capas = random.randint(2, 5)
    return [random.randint(1, 64) for _ in range(n_capas + 1)]


@check("contar_parametros cuenta pesos y sesgos de cada capa", points=5)
def cuenta(student, reference):
    for tamanos in [[1, 128, 128, 1]] + [tamanos_aleatorios() for _ in range(4)]:
        out = student.call("contar_parametros", tamanos)
        expect(isinstance(out, int) and not isinstance(out, bool),
               f"contar_parametros debe devolver un entero de Python, pero devuelve {type(out).__name__}. "
               "Si sumas numel() de tensores, el resultado ya es un int.")
        esperado = reference.contar_parametros(tamanos)
        expect(out == esperado,
               f"Para tamanos={tamanos} contar_parametros devuelve {out}, que no es el número de parámetros "
               "de esa red. ¿Cuentas los sesgos de cada capa?")


@check("memoriza compara el MSE con la varianza del ruido", points=5)
def ruido(student, reference):
    for _ in range(6):
        sigma = random.uniform(0.2, 0.9)
        # valores entre sigma ** 2 y sigma, y por debajo de sigma ** 2, para separar las dos lecturas
        for mse in (sigma ** 2 * random.uniform(0.2, 0.9), random.uniform(sigma ** 2 * 1.05, sigma * 0.95),
                    sigma * random.uniform(1.1, 2.0)):
            out = student.call("memoriza", mse, sigma)
            expect(isinstance(out, bool),
                   f"memoriza debe devolver un bool de Python, pero devuelve {type(out).__name__}.")
            esperado = reference.memoriza(mse, sigma)
            expect(out == esperado,
                   f"Con mse_train={mse:.4f} y sigma={sigma:.3f}, memoriza devuelve {out}. Piensa en qué "
                   "unidades está el MSE y qué pérdida tendría un modelo que acertara la señal exacta.")
