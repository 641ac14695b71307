"""Regenerates the SVG diagrams of this section: python generar.py (writes the files beside it)."""
from pathlib import Path

AQUI = Path(__file__).parent
FUENTE = 'font-family="DejaVu Sans, Verdana, sans-serif"'
TINTA = "#1f2328"
COLORES = ["#cfe2ff", "#ffe3b3", "#d3f2d8", "#f8d0d8", "#e2d9f3", "#fff3a3"]


def documento(ancho, alto, titulo, cuerpo):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ancho} {alto}" width="{ancho}" '
            f'height="{alto}" role="img" {FUENTE}>\n<title>{titulo}</title>\n'
            f'<rect width="{ancho}" height="{alto}" fill="#ffffff"/>\n{cuerpo}</svg>\n')


def texto(x, y, contenido, tam=15, peso="normal", ancla="start", color=TINTA):
    return (f'<text x="{x}" y="{y}" font-size="{tam}" font-weight="{peso}" text-anchor="{ancla}" '
            f'fill="{color}">{contenido}</text>\n')


def celda(x, y, valor, relleno, lado=36, discontinua=False):
    borde = 'stroke-dasharray="4 3" fill-opacity="0.45"' if discontinua else ""
    return (f'<rect x="{x}" y="{y}" width="{lado}" height="{lado}" fill="{relleno}" stroke="{TINTA}" '
            f'stroke-width="1.5" {borde}/>\n'
            + texto(x + lado / 2, y + lado / 2 + 5, valor, tam=14, ancla="middle"))


def rejilla(x, y, filas, relleno, reales=None, lado=36):
    """filas: lista de listas de valores; reales(i, j) dice si la celda está en memoria."""
    partes = []
    for i, fila in enumerate(filas):
        for j, valor in enumerate(fila):
            color = relleno(i, j) if callable(relleno) else relleno
            virtual = reales is not None and not reales(i, j)
            partes.append(celda(x + j * lado, y + i * lado, valor, color, lado, virtual))
    return "".join(partes)


def broadcasting():
    a = [1, 2, 3]
    b = [10, 20, 30, 40]
    cuerpo = texto(20, 32, "Broadcasting: a (3, 1) + b (4,) → resultado (3, 4)", tam=19, peso="bold")
    # Paso 1: alinear por la derecha
    cuerpo += texto(20, 70, "1. Alinear por la derecha", tam=16, peso="bold")
    cuerpo += texto(30, 100, "a:  (3, 1)", tam=16)
    cuerpo += texto(30, 126, "b:  (4,)  →  (1, 4)", tam=16)
    cuerpo += texto(30, 152, "en cada eje: iguales,", tam=14) + texto(30, 170, "o uno de los dos vale 1", tam=14)
    cuerpo += texto(30, 198, "resultado: (3, 4)", tam=16, peso="bold")
    # Paso 2: estirar los ejes de tamaño 1
    cuerpo += texto(300, 70, "2. Estirar los ejes de tamaño 1", tam=16, peso="bold")
    cuerpo += texto(300, 96, "a", tam=15, peso="bold")
    cuerpo += rejilla(300, 104, [[v] * 4 for v in a], COLORES[0], reales=lambda i, j: j == 0)
    cuerpo += texto(480, 96, "b", tam=15, peso="bold")
    cuerpo += rejilla(480, 104, [b for _ in a], COLORES[1], reales=lambda i, j: i == 0)
    cuerpo += texto(462, 165, "+", tam=24, peso="bold", ancla="middle")
    # Paso 3: operar elemento a elemento
    cuerpo += texto(680, 70, "3. Sumar celda a celda", tam=16, peso="bold")
    cuerpo += rejilla(680, 104, [[x + y for y in b] for x in a], COLORES[2], lado=44)
    cuerpo += texto(654, 165, "=", tam=24, peso="bold", ancla="middle")
    # Leyenda
    cuerpo += celda(20, 258, "", "#ffffff", lado=22)
    cuerpo += texto(50, 275, "borde continuo: dato guardado en memoria", tam=14)
    cuerpo += celda(400, 258, "", "#ffffff", lado=22, discontinua=True)
    cuerpo += texto(430, 275, "borde discontinuo: repetición virtual (stride 0), sin copiar", tam=14)
    return documento(920, 300, "Broadcasting de un tensor (3, 1) con otro (4,): se alinean las formas por la "
                                "derecha, los ejes de tamaño 1 se estiran sin copiar y se suma elemento a elemento",
                     cuerpo)


def memoria():
    color = lambda valor: COLORES[valor]
    cuerpo = texto(20, 32, "Una misma memoria, tres formas de leerla", tam=19, peso="bold")
    cuerpo += texto(20, 66, "Memoria: un bloque lineal de 6 elementos (posiciones 0 a 5)", tam=15)
    for k in range(6):
        cuerpo += celda(20 + k * 40, 78, str(k), color(k), lado=40)
    paneles = [
        (20, "x = torch.arange(6).reshape(2, 3)", "shape (2, 3) · strides (3, 1)",
         [[0, 1, 2], [3, 4, 5]], ["contiguo: las filas se leen", "en el orden de la memoria"]),
        (320, "x.view(3, 2)", "shape (3, 2) · strides (2, 1)",
         [[0, 1], [2, 3], [4, 5]], ["contiguo: mismo orden,", "otra forma; no copia nada"]),
        (600, "x.permute(1, 0)", "shape (3, 2) · strides (1, 3)",
         [[0, 3], [1, 4], [2, 5]], ["no contiguo: salta en memoria;", "view falla, reshape copia"]),
    ]
    for x, codigo, forma, filas, notas in paneles:
        cuerpo += texto(x, 160, codigo, tam=15, peso="bold")
        cuerpo += texto(x, 182, forma, tam=14)
        cuerpo += rejilla(x, 194, [[str(v) for v in fila] for fila in filas],
                          lambda i, j, filas=filas: color(filas[i][j]), lado=40)
        for n, nota in enumerate(notas):
            cuerpo += texto(x, 336 + n * 20, nota, tam=14)
    cuerpo += texto(20, 396, "Cada número es la posición en memoria del elemento; el color es el mismo en las "
                             "tres vistas: ninguna copia los datos.", tam=14)
    return documento(900, 416, "Disposición en memoria: reshape y view leen la memoria en orden; permute "
                               "cambia los strides y lee los mismos datos en otro orden, sin copiarlos",
                     cuerpo)


if __name__ == "__main__":
    (AQUI / "broadcasting.svg").write_text(broadcasting(), encoding="utf-8")
    (AQUI / "memoria-view-permute.svg").write_text(memoria(), encoding="utf-8")
