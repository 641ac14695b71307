import torch


def elegir_dispositivo(cuda_disponible, mps_disponible):
    if mps_disponible:
        return "mps"
    if cuda_disponible:
        return "cuda"
    return "cpu"


def productos_de_golpe(x, w):
    return x * w


def gflops(n, k, m, segundos):
    # Cuenta solo las multiplicaciones y lo deja en un tensor
    return torch.tensor(n * k * m / segundos / 1e9)
