import torch


def aplanar_lote(x):
    # x tiene forma (N, C, H, W)
    ...


def canales_al_final(x):
    ...


lote = torch.randint(0, 256, (2, 3, 4, 4), dtype=torch.uint8)
print(aplanar_lote(lote))
