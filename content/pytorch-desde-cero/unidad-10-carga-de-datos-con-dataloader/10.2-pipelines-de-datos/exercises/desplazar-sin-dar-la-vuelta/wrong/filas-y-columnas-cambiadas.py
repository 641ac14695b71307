import torch
import torch.nn.functional as F


def desplazar(img, di, dj):
    r = max(abs(di), abs(dj))
    if r == 0:
        return img.clone()
    grande = F.pad(img, (r, r, r, r))
    h, w = img.shape
    return grande[r - dj:r - dj + h, r - di:r - di + w]


def aumentar_lote(imgs, max_px, semilla):
    g = torch.Generator().manual_seed(semilla)
    salida = []
    for img in imgs:
        di, dj = torch.randint(-max_px, max_px + 1, (2,), generator=g).tolist()
        salida.append(desplazar(img, di, dj))
    return torch.stack(salida)
