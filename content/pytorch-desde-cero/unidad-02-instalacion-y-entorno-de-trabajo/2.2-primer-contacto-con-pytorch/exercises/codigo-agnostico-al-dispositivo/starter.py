import torch


def preparar_lote(X, y, device):
    # X: float64 en la CPU -> float32 en device; y: decimales -> int64 en device
    ...


def predecir_en(X, W, b, device):
    # TODO: mueve los tres tensores a device y calcula allí X @ W + b
    ...


def ruido_en(n, device):
    ...


device = "cuda" if torch.cuda.is_available() else "cpu"
X = torch.randn(4, 3, dtype=torch.float64)
y = torch.tensor([1.0, 0.0, 2.0, 1.0])
print(preparar_lote(X, y, device))
print(predecir_en(torch.randn(4, 3), torch.randn(3, 2), torch.zeros(2), device))
print(ruido_en(5, device))
