"""Genera parada-temprana-curvas.svg. Ejecuta: python generar.py (el resultado es siempre el mismo)."""
import math
from pathlib import Path

ANCHO, ALTO = 900, 420
X0, Y0, X1, Y1 = 80, 40, 860, 360          # área de la gráfica
EPOCAS, PACIENCIA = 80, 15
AZUL, NARANJA, VERDE, TINTA = "#1f5fa8", "#c2570c", "#237a3b", "#1d1d1f"


def train(t):
    return 0.05 + 1.15 * math.exp(-t / 12)


def val(t):
    return 0.38 + 0.85 * math.exp(-t / 9) + 0.0025 * max(0.0, t - 22) ** 1.25


def px(t, v):
    return X0 + (X1 - X0) * t / EPOCAS, Y1 - (Y1 - Y0) * v / 1.3


def trazo(f, desde=0, hasta=EPOCAS):
    puntos = [px(t, f(t)) for t in range(desde, hasta + 1)]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in puntos)


def svg():
    mejor = min(range(EPOCAS + 1), key=val)
    parada = mejor + PACIENCIA
    xm, ym = px(mejor, val(mejor))
    xp, _ = px(parada, 0)
    ejes = [f'<line x1="{X0}" y1="{Y1}" x2="{X1}" y2="{Y1}" stroke="{TINTA}" stroke-width="1.5"/>',
            f'<line x1="{X0}" y1="{Y0}" x2="{X0}" y2="{Y1}" stroke="{TINTA}" stroke-width="1.5"/>']
    for t in range(0, EPOCAS + 1, 10):
        x, _ = px(t, 0)
        ejes.append(f'<line x1="{x:.1f}" y1="{Y1}" x2="{x:.1f}" y2="{Y1 + 6}" stroke="{TINTA}"/>')
        ejes.append(f'<text x="{x:.1f}" y="{Y1 + 24}" class="p" text-anchor="middle">{t}</text>')
    return f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ANCHO} {ALTO}" width="{ANCHO}" height="{ALTO}" role="img" aria-labelledby="titulo desc">
<title id="titulo">Parada temprana sobre las curvas de pérdida</title>
<desc id="desc">La pérdida de entrenamiento baja siempre; la de validación alcanza su mínimo en la época {mejor} y después sube. Allí se guarda una copia de los pesos. Tras {PACIENCIA} épocas sin mejora, en la época {parada}, el entrenamiento se detiene y se restauran los pesos de la época {mejor}.</desc>
<defs><style>.t{{font:bold 16px 'DejaVu Sans',Arial,sans-serif;fill:{TINTA}}} .p{{font:14px 'DejaVu Sans',Arial,sans-serif;fill:{TINTA}}}</style>
<marker id="punta" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="{VERDE}"/></marker></defs>
<rect width="{ANCHO}" height="{ALTO}" fill="#ffffff"/>
<rect x="{xm:.1f}" y="{Y0}" width="{xp - xm:.1f}" height="{Y1 - Y0}" fill="#fff3cd"/>
<text x="{(xm + xp) / 2:.1f}" y="{Y0 + 20}" class="p" text-anchor="middle">paciencia:</text>
<text x="{(xm + xp) / 2:.1f}" y="{Y0 + 38}" class="p" text-anchor="middle">{PACIENCIA} épocas</text>
<text x="{(xm + xp) / 2:.1f}" y="{Y0 + 56}" class="p" text-anchor="middle">sin mejora</text>
{chr(10).join(ejes)}
<polyline points="{trazo(train, 0, parada)}" fill="none" stroke="{AZUL}" stroke-width="3"/>
<polyline points="{trazo(val, 0, parada)}" fill="none" stroke="{NARANJA}" stroke-width="3"/>
<polyline points="{trazo(train, parada)}" fill="none" stroke="{AZUL}" stroke-width="2" stroke-dasharray="4 5" opacity="0.6"/>
<polyline points="{trazo(val, parada)}" fill="none" stroke="{NARANJA}" stroke-width="2" stroke-dasharray="4 5" opacity="0.6"/>
<line x1="{xm:.1f}" y1="{Y0}" x2="{xm:.1f}" y2="{Y1}" stroke="{VERDE}" stroke-width="2" stroke-dasharray="6 4"/>
<line x1="{xp:.1f}" y1="{Y0}" x2="{xp:.1f}" y2="{Y1}" stroke="#b3261e" stroke-width="2"/>
<circle cx="{xm:.1f}" cy="{ym:.1f}" r="6" fill="{VERDE}"/>
<path d="M {xp - 8:.1f} {Y1 - 70} C {xp - 60:.1f} {Y1 - 40}, {xm + 60:.1f} {ym + 40:.1f}, {xm + 8:.1f} {ym + 8:.1f}" fill="none" stroke="{VERDE}" stroke-width="2" marker-end="url(#punta)"/>
<text x="{xp + 10:.1f}" y="{Y1 - 90}" class="t" style="fill:#b3261e">época {parada}: parada</text>
<text x="{xp + 10:.1f}" y="{Y1 - 70}" class="p">se restauran los pesos</text>
<text x="{xp + 10:.1f}" y="{Y1 - 52}" class="p">de la época {mejor}</text>
<text x="{xm - 10:.1f}" y="{Y0 + 60}" class="p" text-anchor="end" style="fill:{VERDE};font-weight:bold">mejor época ({mejor}):</text>
<text x="{xm - 10:.1f}" y="{Y0 + 78}" class="p" text-anchor="end">se guarda una copia</text>
<text x="{xm - 10:.1f}" y="{Y0 + 96}" class="p" text-anchor="end">de los pesos (deepcopy)</text>
<text x="{(X0 + X1) / 2}" y="{Y1 + 50}" class="p" text-anchor="middle">época</text>
<text x="24" y="{(Y0 + Y1) / 2}" class="p" text-anchor="middle" transform="rotate(-90 24 {(Y0 + Y1) / 2})">pérdida</text>
<line x1="{X1 - 250}" y1="{Y0 + 70}" x2="{X1 - 220}" y2="{Y0 + 70}" stroke="{AZUL}" stroke-width="3"/>
<text x="{X1 - 212}" y="{Y0 + 75}" class="p">entrenamiento</text>
<line x1="{X1 - 250}" y1="{Y0 + 94}" x2="{X1 - 220}" y2="{Y0 + 94}" stroke="{NARANJA}" stroke-width="3"/>
<text x="{X1 - 212}" y="{Y0 + 99}" class="p">validación</text>
<line x1="{X1 - 250}" y1="{Y0 + 118}" x2="{X1 - 220}" y2="{Y0 + 118}" stroke="{NARANJA}" stroke-width="2" stroke-dasharray="4 5" opacity="0.6"/>
<text x="{X1 - 212}" y="{Y0 + 123}" class="p">si se siguiera entrenando</text>
</svg>
'''


if __name__ == "__main__":
    Path(__file__).with_name("parada-temprana-curvas.svg").write_text(svg(), encoding="utf-8")
