def version(texto):
    mayor, menor = texto.split(".")[:2]
    return int(mayor), int(menor)


def diagnosticar(cuda_build, cuda_driver, capacidad, arquitecturas):
    if cuda_driver is None:
        return "sin-gpu"
    if cuda_build is None:
        return "variante-cpu"
    if version(cuda_driver) < version(cuda_build):
        return "driver-antiguo"
    mayor, menor = capacidad
    if f"sm_{mayor}{menor}" not in arquitecturas:
        return "arquitectura-no-incluida"
    return "ok"
