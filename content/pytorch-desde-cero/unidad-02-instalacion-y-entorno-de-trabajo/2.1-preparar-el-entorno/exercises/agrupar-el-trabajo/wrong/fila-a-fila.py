import torch


def elegir_dispositivo(cuda_disponible, mps_disponible):
    if cuda_disponible:
        return "cuda"
    if mps_disponible:
        return "mps"
    return "cpu"


def productos_de_golpe(x, w):
    return torch.stack([fila @ w for fila in x])


def gflops(n, k, m, segundos):
    return 2 * n * k * m / segundos / 1e9
