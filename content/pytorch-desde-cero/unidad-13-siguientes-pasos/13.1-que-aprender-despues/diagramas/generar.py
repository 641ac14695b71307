"""Genera convolucion-ventana-y-salida.svg. Ejecuta: python generar.py (el resultado es siempre el mismo)."""
from pathlib import Path

CELDA = 26
AZUL, NARANJA, VERDE, GRIS, TINTA = "#1f5fa8", "#c2570c", "#237a3b", "#9aa0a6", "#1d1d1f"


def rejilla(x0, y0, n, m, relleno):
    partes = []
    for i in range(n):
        for j in range(m):
            partes.append(f'<rect x="{x0 + j * CELDA}" y="{y0 + i * CELDA}" width="{CELDA}" height="{CELDA}" '
                          f'fill="{relleno(i, j)}" stroke="#5f6368" stroke-width="1"/>')
    return "\n".join(partes)


def ventana(x0, y0, i, j, color, discontinua=False):
    trazo = ' stroke-dasharray="6 4"' if discontinua else ""
    return (f'<rect x="{x0 + j * CELDA}" y="{y0 + i * CELDA}" width="{3 * CELDA}" height="{3 * CELDA}" '
            f'fill="none" stroke="{color}" stroke-width="4"{trazo}/>')


def svg():
    ex, ey = 40, 70               # entrada 8x8
    sx, sy = 720, 110             # salida 3x3

    def fondo_entrada(i, j):
        return "#e8eaed" if i == 7 or j == 7 else "#ffffff"

    def fondo_salida(i, j):
        return {(0, 0): "#d2e3fc", (0, 1): "#fde3cf"}.get((i, j), "#ffffff")

    textos = [
        (f'<text x="{ex}" y="{ey - 16}" class="t">Entrada 8×8 (H = 8)</text>'),
        (f'<text x="{sx}" y="{sy - 16}" class="t">Salida 3×3</text>'),
        (f'<text x="{ex}" y="{ey + 8 * CELDA + 28}" class="p">Ventana 3×3 (kernel_size = 3) que avanza</text>'),
        (f'<text x="{ex}" y="{ey + 8 * CELDA + 48}" class="p">2 píxeles cada vez (stride = 2), sin padding.</text>'),
        (f'<text x="{ex}" y="{ey + 8 * CELDA + 68}" class="p">Gris: la última fila y la última columna no</text>'),
        (f'<text x="{ex}" y="{ey + 8 * CELDA + 88}" class="p">entran en ninguna ventana.</text>'),
        (f'<text x="290" y="{ey + 90}" class="p" style="fill:{AZUL};font-weight:bold">1.ª posición</text>'),
        (f'<text x="290" y="{ey + 112}" class="p" style="fill:{NARANJA};font-weight:bold">2.ª posición (2 píxeles a la derecha)</text>'),
        (f'<text x="290" y="{ey + 144}" class="p">Cada posición produce un valor:</text>'),
        (f'<text x="290" y="{ey + 166}" class="p">suma de 9 píxeles × 9 pesos + sesgo</text>'),
        (f'<text x="420" y="{ey + 236}" class="p">H_out = ⌊(H + 2·padding − kernel_size) / stride⌋ + 1</text>'),
        (f'<text x="420" y="{ey + 260}" class="p">= ⌊(8 + 0 − 3) / 2⌋ + 1 = ⌊2,5⌋ + 1 = 3</text>'),
        (f'<text x="420" y="{ey + 284}" class="p">En Python: (8 + 2*0 - 3) // 2 + 1</text>'),
    ]
    flecha_y = sy + CELDA // 2
    cuerpo = "\n".join([
        rejilla(ex, ey, 8, 8, fondo_entrada),
        ventana(ex, ey, 0, 0, AZUL),
        ventana(ex, ey, 0, 2, NARANJA, discontinua=True),
        rejilla(sx, sy, 3, 3, fondo_salida),
        f'<path d="M {ex + 3 * CELDA + 8} {ey + 20} C 330 10, 560 10, {sx + CELDA // 2} {sy - 2}" fill="none" '
        f'stroke="{AZUL}" stroke-width="2" marker-end="url(#punta-azul)"/>',
        f'<path d="M {ex + 5 * CELDA + 4} {ey + 4} C 400 -10, 620 30, {sx + CELDA + CELDA // 2} {sy - 2}" fill="none" '
        f'stroke="{NARANJA}" stroke-width="2" marker-end="url(#punta-naranja)"/>',
        *textos,
    ])
    return f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 420" width="900" height="420" role="img" aria-labelledby="titulo desc">
<title id="titulo">Una convolución de 3×3 con stride 2 sobre una imagen de 8×8 da una salida de 3×3</title>
<desc id="desc">La ventana de 3×3 se desliza por la entrada de 8×8 avanzando dos píxeles cada vez; cada posición produce un valor de la salida. El cociente (8 − 3) / 2 = 2,5 se redondea hacia abajo, así que la salida mide 3×3 y la última fila y la última columna de la entrada no entran en ninguna ventana.</desc>
<defs>
<marker id="punta-azul" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="{AZUL}"/></marker>
<marker id="punta-naranja" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="{NARANJA}"/></marker>
<style>.t{{font:bold 17px 'DejaVu Sans',Arial,sans-serif;fill:{TINTA}}} .p{{font:15px 'DejaVu Sans',Arial,sans-serif;fill:{TINTA}}}</style>
</defs>
<rect width="900" height="420" fill="#ffffff"/>
{cuerpo}
</svg>
'''


if __name__ == "__main__":
    Path(__file__).with_name("convolucion-ventana-y-salida.svg").write_text(svg(), encoding="utf-8")
