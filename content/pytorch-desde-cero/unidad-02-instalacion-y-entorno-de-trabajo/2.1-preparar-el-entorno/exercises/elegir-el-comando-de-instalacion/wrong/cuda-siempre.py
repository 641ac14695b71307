INDICE = "https://download.pytorch.org/whl/"


def comando_instalacion(sistema, gpu_nvidia, variante_cuda, extras):
    # La variante CUDA "por si acaso", también donde no hay GPU NVIDIA
    partes = ["pip", "install", "torch", *extras, "--index-url", INDICE + variante_cuda]
    return " ".join(partes)
