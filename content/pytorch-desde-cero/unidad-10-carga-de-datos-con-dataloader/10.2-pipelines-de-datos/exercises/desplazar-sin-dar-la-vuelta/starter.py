import torch
import torch.nn.functional as F


def desplazar(img, di, dj):
    ...


def aumentar_lote(imgs, max_px, semilla):
    g = torch.Generator().manual_seed(semilla)
    ...


img = torch.arange(1, 10, dtype=torch.float32).reshape(3, 3)
print(desplazar(img, 1, 0))   # primera fila a cero, las demás bajan una posición
