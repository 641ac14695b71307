"""Regenerates curvas-de-aprendizaje.svg: python generar_curvas.py (the output is byte for byte reproducible)."""
import math
from pathlib import Path

ANCHO, ALTO = 760, 420
X0, X1, Y0, Y1 = 80, 720, 360, 70           # plotting area: left, right, bottom, top
EPOCAS = 60
PERDIDA_MAX = 1.6


def entrenamiento(e):
    return 0.12 + 1.25 * math.exp(-e / 9)


def validacion(e):
    return 0.38 + 1.05 * math.exp(-e / 8) + 0.00035 * max(0.0, e - 12) ** 2


def px(e):
    return X0 + (X1 - X0) * e / EPOCAS


def py(perdida):
    return Y0 - (Y0 - Y1) * perdida / PERDIDA_MAX


def trazo(funcion):
    puntos = [f"{px(e):.1f},{py(funcion(e)):.1f}" for e in range(EPOCAS + 1)]
    return "M" + " L".join(puntos)


def svg():
    mejor = min(range(EPOCAS + 1), key=validacion)
    xm = px(mejor)
    partes = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ANCHO} {ALTO}" width="{ANCHO}" height="{ALTO}" '
        'role="img" aria-labelledby="titulo desc" font-family="DejaVu Sans, Arial, sans-serif">',
        '  <title id="titulo">Curvas de aprendizaje: la mejor época y el comienzo del sobreajuste</title>',
        '  <desc id="desc">La pérdida de entrenamiento baja durante las 60 épocas. La de validación baja hasta la '
        f'época {mejor} y después sube: a partir de ahí el modelo sobreajusta. La línea discontinua marca la mejor '
        'época, la que conviene conservar.</desc>',
        f'  <rect width="{ANCHO}" height="{ALTO}" fill="#ffffff"/>',
        f'  <text x="{ANCHO // 2}" y="32" text-anchor="middle" font-size="20" font-weight="bold" fill="#1a1a1a">'
        'Dónde mirar en las curvas de pérdida</text>',
        f'  <rect x="{xm:.1f}" y="{Y1}" width="{X1 - xm:.1f}" height="{Y0 - Y1}" fill="#fdf0e6"/>',
        f'  <text x="{(xm + X1) / 2:.1f}" y="{Y1 + 24}" text-anchor="middle" font-size="15" font-weight="bold" '
        'fill="#8a4500">Sobreajuste: la separación crece</text>',
    ]
    for valor in (0.0, 0.4, 0.8, 1.2, 1.6):
        y = py(valor)
        partes.append(f'  <line x1="{X0}" y1="{y:.1f}" x2="{X1}" y2="{y:.1f}" stroke="#d9d9d9" stroke-width="1"/>')
        etiqueta = f"{valor:.1f}".replace(".", ",")          # decimal comma, as in the prose
        partes.append(f'  <text x="{X0 - 10}" y="{y + 5:.1f}" text-anchor="end" font-size="13" fill="#333">'
                      f'{etiqueta}</text>')
    for e in range(0, EPOCAS + 1, 10):
        partes.append(f'  <text x="{px(e):.1f}" y="{Y0 + 22}" text-anchor="middle" font-size="13" fill="#333">{e}</text>')
    partes += [
        f'  <line x1="{X0}" y1="{Y0}" x2="{X1}" y2="{Y0}" stroke="#333" stroke-width="2"/>',
        f'  <line x1="{X0}" y1="{Y0}" x2="{X0}" y2="{Y1}" stroke="#333" stroke-width="2"/>',
        f'  <text x="{(X0 + X1) // 2}" y="{Y0 + 48}" text-anchor="middle" font-size="14" fill="#1a1a1a">época</text>',
        f'  <text x="24" y="{(Y0 + Y1) // 2}" text-anchor="middle" font-size="14" fill="#1a1a1a" '
        f'transform="rotate(-90 24 {(Y0 + Y1) // 2})">pérdida</text>',
        f'  <path d="{trazo(entrenamiento)}" fill="none" stroke="#1f5fa8" stroke-width="3"/>',
        f'  <path d="{trazo(validacion)}" fill="none" stroke="#b35900" stroke-width="3" stroke-dasharray="9 5"/>',
        f'  <line x1="{xm:.1f}" y1="{Y1}" x2="{xm:.1f}" y2="{Y0}" stroke="#1a1a1a" stroke-width="2" '
        'stroke-dasharray="4 4"/>',
        f'  <circle cx="{xm:.1f}" cy="{py(validacion(mejor)):.1f}" r="6" fill="#1a1a1a"/>',
        f'  <text x="{xm + 12:.1f}" y="{py(validacion(mejor)) + 22:.1f}" font-size="14" '
        f'font-weight="bold" fill="#1a1a1a">mejor época ({mejor}):</text>',
        f'  <text x="{xm + 12:.1f}" y="{py(validacion(mejor)) + 40:.1f}" font-size="14" '
        'fill="#1a1a1a">guarda una copia de estos pesos</text>',
        f'  <text x="{px(EPOCAS) - 6:.1f}" y="{py(validacion(EPOCAS)) - 12:.1f}" text-anchor="end" font-size="14" '
        'font-weight="bold" fill="#8a4500">validación</text>',
        f'  <text x="{px(EPOCAS) - 6:.1f}" y="{py(entrenamiento(EPOCAS)) - 12:.1f}" text-anchor="end" font-size="14" '
        'font-weight="bold" fill="#1f5fa8">entrenamiento</text>',
        '</svg>',
    ]
    return "\n".join(partes) + "\n"


if __name__ == "__main__":
    Path(__file__).with_name("curvas-de-aprendizaje.svg").write_text(svg(), encoding="utf-8")
