"""Genera dataloader-por-dentro.svg. Ejecuta: python generar.py (el resultado es siempre el mismo)."""
from pathlib import Path

TINTA, AZUL, NARANJA, VERDE, MORADO = "#1d1d1f", "#1f5fa8", "#c2570c", "#237a3b", "#6a3d9a"
PASOS = [
    ("1. Sampler", AZUL, ["orden de índices", "shuffle=True:", "7, 2, 9, 4, 0, …"]),
    ("2. Agrupar", MORADO, ["en bloques de B", "[7, 2, 9, 4]", "[0, 5, 1, 8] …"]),
    ("3. dataset[i]", NARANJA, ["un ejemplo por", "índice: (x_i, y_i)", "x_i: (64,)"]),
    ("4. collate_fn", VERDE, ["apila B ejemplos", "xb: (B, 64)", "yb: (B,)"]),
    ("5. Tu bucle", TINTA, ["for xb, yb", "  in loader:", "  entrenar…"]),
]
ANCHO_CAJA, ALTO_CAJA, HUECO, X0, Y0 = 150, 130, 28, 30, 80


def caja(k, titulo, color, lineas):
    x = X0 + k * (ANCHO_CAJA + HUECO)
    partes = [f'<rect x="{x}" y="{Y0}" width="{ANCHO_CAJA}" height="{ALTO_CAJA}" rx="10" fill="#ffffff" '
              f'stroke="{color}" stroke-width="3"/>',
              f'<text x="{x + ANCHO_CAJA / 2}" y="{Y0 + 28}" class="t" text-anchor="middle" style="fill:{color}">{titulo}</text>']
    for n, linea in enumerate(lineas):
        clase = "c" if any(ch in linea for ch in "[(:,=") else "p"
        partes.append(f'<text x="{x + 10}" y="{Y0 + 58 + 22 * n}" class="{clase}" xml:space="preserve">{linea}</text>')
    if k < len(PASOS) - 1:
        xf = x + ANCHO_CAJA
        partes.append(f'<line x1="{xf + 3}" y1="{Y0 + ALTO_CAJA / 2}" x2="{xf + HUECO - 5}" y2="{Y0 + ALTO_CAJA / 2}" '
                      f'stroke="{TINTA}" stroke-width="2.5" marker-end="url(#punta)"/>')
    return "\n".join(partes)


def svg():
    x3 = X0 + 2 * (ANCHO_CAJA + HUECO) - 12
    ancho_workers = 2 * ANCHO_CAJA + HUECO + 24
    cajas = "\n".join(caja(k, *paso) for k, paso in enumerate(PASOS))
    return f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 300" width="900" height="300" role="img" aria-labelledby="titulo desc">
<title id="titulo">Qué ocurre dentro de un DataLoader</title>
<desc id="desc">El sampler genera el orden de los índices (barajado si shuffle=True); los índices se agrupan en bloques de batch_size; para cada índice se llama a dataset[i], que devuelve un ejemplo suelto; collate_fn apila los ejemplos en tensores de lote (B, 64) y (B,) que recibe tu bucle for. Con num_workers mayor que 0, los pasos 3 y 4 se ejecutan en procesos auxiliares.</desc>
<defs><style>.t{{font:bold 16px 'DejaVu Sans',Arial,sans-serif}} .p{{font:13px 'DejaVu Sans',Arial,sans-serif;fill:{TINTA}}} .c{{font:13px 'DejaVu Sans Mono',monospace;fill:{TINTA}}}</style>
<marker id="punta" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="{TINTA}"/></marker></defs>
<rect width="900" height="300" fill="#ffffff"/>
<text x="30" y="40" class="t" style="fill:{TINTA}">for xb, yb in DataLoader(dataset, batch_size=B, shuffle=True)</text>
<rect x="{x3}" y="{Y0 - 14}" width="{ancho_workers}" height="{ALTO_CAJA + 62}" rx="14" fill="none" stroke="#5f6368" stroke-width="2" stroke-dasharray="7 5"/>
<text x="{x3 + ancho_workers / 2}" y="{Y0 + ALTO_CAJA + 38}" class="p" text-anchor="middle">con num_workers &gt; 0, en procesos auxiliares</text>
{cajas}
<text x="30" y="{Y0 + ALTO_CAJA + 85}" class="p">Cada época el sampler vuelve a barajar: el mismo loader da lotes distintos en cada recorrido.</text>
</svg>
'''


if __name__ == "__main__":
    Path(__file__).with_name("dataloader-por-dentro.svg").write_text(svg(), encoding="utf-8")
