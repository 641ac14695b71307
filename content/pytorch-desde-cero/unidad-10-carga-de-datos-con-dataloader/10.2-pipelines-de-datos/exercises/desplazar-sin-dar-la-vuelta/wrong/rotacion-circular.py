import torch


def desplazar(img, di, dj):
    return torch.roll(img, shifts=(di, dj), dims=(0, 1))


def aumentar_lote(imgs, max_px, semilla):
    g = torch.Generator().manual_seed(semilla)
    salida = []
    for img in imgs:
        di, dj = torch.randint(-max_px, max_px + 1, (2,), generator=g).tolist()
        salida.append(desplazar(img, di, dj))
    return torch.stack(salida)
