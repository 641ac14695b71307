def diagnosticar(cuda_build, cuda_driver, capacidad, arquitecturas):
    if cuda_driver is None:
        return "sin-gpu"
    if cuda_build is None:
        return "variante-cpu"
    if cuda_driver < cuda_build:          # "12.10" < "12.8" como texto
        return "driver-antiguo"
    if f"sm_{capacidad[0]}{capacidad[1]}" not in arquitecturas:
        return "arquitectura-no-incluida"
    return "ok"
