import torch


def elegir_dispositivo(cuda_disponible, mps_disponible):
    if cuda_disponible or mps_disponible:
        return "gpu"
    return "cpu"


def productos_de_golpe(x, w):
    return x @ w


def gflops(n, k, m, segundos):
    return 2 * n * k * m / segundos / 1e9
