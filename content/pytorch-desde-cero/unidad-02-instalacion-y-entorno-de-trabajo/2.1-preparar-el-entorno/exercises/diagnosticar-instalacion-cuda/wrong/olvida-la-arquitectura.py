def version(texto):
    return tuple(int(p) for p in texto.split("."))


def diagnosticar(cuda_build, cuda_driver, capacidad, arquitecturas):
    if cuda_driver is None:
        return "sin-gpu"
    if cuda_build is None:
        return "variante-cpu"
    if version(cuda_driver) < version(cuda_build):
        return "driver-antiguo"
    return "ok"
