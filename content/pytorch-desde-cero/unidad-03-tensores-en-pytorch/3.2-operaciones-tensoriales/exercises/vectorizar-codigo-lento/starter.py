import torch


def recortar_atipicos(X, k):
    salida = X.clone()
    for j in range(X.shape[1]):
        media, sigma = X[:, j].mean(), X[:, j].std()
        for i in range(X.shape[0]):
            salida[i, j] = min(max(X[i, j], media - k * sigma), media + k * sigma)
    return salida


def vecino_mas_cercano(A, B):
    indices = []
    for a in A:
        distancias = [((a - b) ** 2).sum() for b in B]
        indices.append(int(torch.stack(distancias).argmin()))
    return torch.tensor(indices)


X = torch.randn(200, 3)
print(recortar_atipicos(X, 2.0).abs().max(dim=0).values)
print(vecino_mas_cercano(torch.randn(5, 2), torch.randn(8, 2)))
