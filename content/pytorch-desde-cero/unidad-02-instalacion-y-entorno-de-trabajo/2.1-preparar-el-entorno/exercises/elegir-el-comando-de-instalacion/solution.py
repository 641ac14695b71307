INDICE = "https://download.pytorch.org/whl/"


def comando_instalacion(sistema, gpu_nvidia, variante_cuda, extras):
    partes = ["pip", "install", "torch", *extras]
    if sistema != "macos":
        variante = variante_cuda if gpu_nvidia else "cpu"
        partes += ["--index-url", INDICE + variante]
    return " ".join(partes)
