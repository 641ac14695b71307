import time

import torch


def elegir_dispositivo(cuda_disponible, mps_disponible):
    ...


def productos_de_golpe(x, w):
    # La versión lenta: torch.stack([fila @ w for fila in x])
    ...


def gflops(n, k, m, segundos):
    ...


device = elegir_dispositivo(torch.cuda.is_available(), torch.backends.mps.is_available())
a, b = torch.randn(256, 256), torch.randn(256, 256)
a @ b                                   # calentamiento
t0 = time.perf_counter()
a @ b
print(device, gflops(256, 256, 256, time.perf_counter() - t0), "GFLOP/s")
