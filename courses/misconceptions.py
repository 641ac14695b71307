"""Error signatures: what went wrong in a failed attempt, named so that many attempts group together."""
import re

from .verdicts import Verdict

SHAPE = re.compile(r"shape|size mismatch|must match the size|mat1 and mat2|dimension|forma", re.I)
DTYPE = re.compile(r"dtype|expected scalar type|Expected .* but (got|found)|Long|Float|Int\b", re.I)
DEVICE = re.compile(r"device|cuda|same device", re.I)
NAN = re.compile(r"\bnan\b|infinit|\binf\b", re.I)
NUMBERS = re.compile(r"\d+(\.\d+)?")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`")

LABELS = {Verdict.TIMEOUT: "Tiempo agotado", Verdict.MEMORY_LIMIT: "Memoria agotada",
          Verdict.OUTPUT_LIMIT: "Demasiada salida", Verdict.SYSTEM_ERROR: "Error del sistema"}


def normalise(message):
    return QUOTED.sub("X", NUMBERS.sub("N", message or "")).strip()[:120]


def classify_text(text):
    if NAN.search(text):
        return "NaN o infinito"
    if DEVICE.search(text):
        return "Dispositivos distintos (CPU/GPU)"
    if SHAPE.search(text):
        return "Formas incompatibles (shape)"
    if DTYPE.search(text):
        return "Tipos incompatibles (dtype)"
    return None


def signatures(status, error, checks):
    """All signatures of one failed attempt (an attempt may fail several checks)."""
    if status in LABELS:
        return [LABELS[status]]
    if status == Verdict.ERROR:
        error = error or {}
        text = f"{error.get('type', '')}: {error.get('message', '')}"
        return [classify_text(text) or f"{error.get('type') or 'Error'}: {normalise(error.get('message'))}"]
    found = []
    for check in checks or []:
        if not check.get("passed"):
            kind = classify_text(check.get("message", ""))
            found.append(f"{kind} — {check['name']}" if kind else f"Comprobación: {check['name']}")
    return found or ["Sin comprobaciones superadas"]
