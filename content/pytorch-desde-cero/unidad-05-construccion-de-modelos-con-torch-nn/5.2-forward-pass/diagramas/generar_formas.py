"""Regenerates formas-en-el-forward.svg: python generar_formas.py (the output is byte for byte reproducible)."""
from pathlib import Path

PASOS = [  # (module, its arguments, output shape, fill, stroke)
    ("entrada", "", "(N, 3, 8, 8)", "#f0f0f0", "#4d4d4d"),
    ("nn.Flatten", "()", "(N, 192)", "#eef3fb", "#1f5fa8"),
    ("nn.Linear", "(192, 16)", "(N, 16)", "#eef3fb", "#1f5fa8"),
    ("nn.ReLU", "()", "(N, 16)", "#eef3fb", "#1f5fa8"),
    ("nn.Linear", "(16, 1)", "(N, 1)", "#eef3fb", "#1f5fa8"),
    ("salida", ".squeeze(1)", "(N,)", "#fdf0e6", "#b35900"),
]
ANCHO, ALTO = 760, 330
CAJA, HUECO, X0, Y0 = 108, 16, 12, 62
MONO = 'font-family="DejaVu Sans Mono, monospace"'


def svg():
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ANCHO} {ALTO}" width="{ANCHO}" height="{ALTO}" '
        'role="img" aria-labelledby="titulo desc" font-family="DejaVu Sans, Arial, sans-serif">',
        '  <title id="titulo">Cómo cambian las formas en el forward: la dimensión de lote N se conserva</title>',
        '  <desc id="desc">Un lote de imágenes de forma (N, 3, 8, 8) pasa por nn.Flatten, que da (N, 192); por '
        'nn.Linear(192, 16), que da (N, 16); por ReLU, que no cambia la forma; por nn.Linear(16, 1), que da '
        '(N, 1); y squeeze(1) deja (N,). Una imagen suelta (3, 8, 8) necesita unsqueeze(0) para convertirse en un '
        'lote (1, 3, 8, 8).</desc>',
        '  <defs><marker id="flecha" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
        f'  <rect width="{ANCHO}" height="{ALTO}" fill="#ffffff"/>',
        f'  <text x="{ANCHO // 2}" y="30" text-anchor="middle" font-size="20" font-weight="bold" fill="#1a1a1a">'
        'La N del lote entra y sale: cada capa solo cambia el resto</text>',
    ]
    for i, (modulo, argumentos, forma, fondo, borde) in enumerate(PASOS):
        x = X0 + i * (CAJA + HUECO)
        centro = x + CAJA // 2
        out.append(f'  <rect x="{x}" y="{Y0}" width="{CAJA}" height="104" rx="8" fill="{fondo}" stroke="{borde}" '
                   'stroke-width="2"/>')
        out.append(f'  <text x="{centro}" y="{Y0 + 26}" text-anchor="middle" font-size="13" {MONO} '
                   f'fill="#1a1a1a">{modulo}</text>')
        out.append(f'  <text x="{centro}" y="{Y0 + 44}" text-anchor="middle" font-size="13" {MONO} '
                   f'fill="#1a1a1a">{argumentos}</text>')
        out.append(f'  <text x="{centro}" y="{Y0 + 82}" text-anchor="middle" font-size="14" font-weight="bold" '
                   f'{MONO} fill="{borde}">{forma}</text>')
        if i:
            out.append(f'  <path d="M{x - HUECO + 1},{Y0 + 52} L{x - 2},{Y0 + 52}" stroke="#333" '
                       'stroke-width="2" marker-end="url(#flecha)"/>')
    out += [
        '  <g font-size="14" fill="#1a1a1a">',
        '    <text x="12" y="200" font-weight="bold">Un ejemplo suelto no tiene N: se la añades tú.</text>',
        f'    <text x="12" y="226" {MONO} fill="#4d4d4d">imagen (3, 8, 8)</text>',
        '    <path d="M160,221 L228,221" stroke="#333" stroke-width="2" marker-end="url(#flecha)"/>',
        f'    <text x="236" y="226" {MONO} fill="#1f5fa8">imagen.unsqueeze(0) → (1, 3, 8, 8)</text>',
        '    <text x="12" y="266" font-weight="bold">Al final, quita solo la dimensión que sobra.</text>',
        f'    <text x="12" y="292" {MONO} fill="#8a4500">salida.squeeze(1): (1, 1) → (1,)</text>',
        f'    <text x="380" y="292" {MONO} fill="#4d4d4d">salida.squeeze(): (1, 1) → ()</text>',
        '    <text x="380" y="314" font-size="13" fill="#4d4d4d">con un lote de un ejemplo se pierde también la N</text>',
        '  </g>',
        '</svg>',
    ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    Path(__file__).with_name("formas-en-el-forward.svg").write_text(svg(), encoding="utf-8")
