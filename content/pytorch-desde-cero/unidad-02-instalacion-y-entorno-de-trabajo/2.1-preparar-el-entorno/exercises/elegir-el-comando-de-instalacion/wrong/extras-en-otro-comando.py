INDICE = "https://download.pytorch.org/whl/"


def comando_instalacion(sistema, gpu_nvidia, variante_cuda, extras):
    indice = ""
    if sistema != "macos":
        indice = " --index-url " + INDICE + (variante_cuda if gpu_nvidia else "cpu")
    comando = "pip install torch" + indice
    for paquete in extras:
        comando += " && pip install " + paquete
    return comando
