INDICE = "https://download.pytorch.org/whl/"


def comando_instalacion(sistema, gpu_nvidia, variante_cuda, extras):
    ...


print(comando_instalacion("windows", True, "cu128", ["torchvision"]))
print(comando_instalacion("macos", False, "cu128", []))
