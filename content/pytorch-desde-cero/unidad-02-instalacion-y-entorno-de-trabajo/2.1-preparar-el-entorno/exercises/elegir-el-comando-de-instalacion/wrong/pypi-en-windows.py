INDICE = "https://download.pytorch.org/whl/"


def comando_instalacion(sistema, gpu_nvidia, variante_cuda, extras):
    # "Sin índice PyPI ya trae CUDA"... en Linux sí, pero en Windows trae la de CPU
    partes = ["pip", "install", "torch", *extras]
    if not gpu_nvidia and sistema != "macos":
        partes += ["--index-url", INDICE + "cpu"]
    return " ".join(partes)
