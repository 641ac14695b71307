def version(texto):
    return tuple(int(p) for p in texto.split("."))


def diagnosticar(cuda_build, cuda_driver, capacidad, arquitecturas):
    if cuda_build is None:
        return "variante-cpu"
    if cuda_driver is None:
        return "sin-gpu"
    if version(cuda_driver) < version(cuda_build):
        return "driver-antiguo"
    if f"sm_{capacidad[0]}{capacidad[1]}" not in arquitecturas:
        return "arquitectura-no-incluida"
    return "ok"
