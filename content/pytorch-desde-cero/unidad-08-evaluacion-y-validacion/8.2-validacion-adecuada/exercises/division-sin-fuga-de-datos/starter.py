import torch


def dividir_y_estandarizar(X, y, frac_val, semilla):
    N = len(X)
    # 1. permutación con un Generator con semilla
    # 2. índices de entrenamiento y de validación
    # 3. estadísticas (¿con qué filas?)
    # 4. estandarizar ambos conjuntos
    ...


torch.manual_seed(0)
X = torch.randn(20, 3) * 5 + 10
y = torch.randint(0, 2, (20,))
resultado = dividir_y_estandarizar(X, y, 0.25, semilla=42)
print(resultado)
