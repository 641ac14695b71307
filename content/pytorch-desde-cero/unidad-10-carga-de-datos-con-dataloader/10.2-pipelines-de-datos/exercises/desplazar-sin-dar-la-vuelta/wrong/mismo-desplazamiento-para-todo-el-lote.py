import torch
import torch.nn.functional as F


def desplazar(img, di, dj):
    r = max(abs(di), abs(dj))
    if r == 0:
        return img.clone()
    grande = F.pad(img, (r, r, r, r))
    h, w = img.shape
    return grande[r - di:r - di + h, r - dj:r - dj + w]


def aumentar_lote(imgs, max_px, semilla):
    g = torch.Generator().manual_seed(semilla)
    di, dj = torch.randint(-max_px, max_px + 1, (2,), generator=g).tolist()
    return torch.stack([desplazar(img, di, dj) for img in imgs])
