"""What a run produced, made safe to store: every field capped again, and text any supported database accepts.

The harness already caps what crosses from the student's process, but the worker does not trust that either:
a result is rebuilt here field by field from the harness's JSON before it reaches the database. PostgreSQL
rejects NUL characters in text and JSON, and no database stores lone surrogates, so both are replaced.
"""
import re

from .models import Status

STREAM_CAP = 64 * 1024
TRUNCATED = "\n… [salida truncada]\n"
MESSAGE_CAP = 2000
MAX_CHECKS = 100
MAX_FIGURES = 5
MAX_FIGURE_CHARS = 1400 * 1024  # a 1 MiB PNG in base64
BASE64 = re.compile(r"^[A-Za-z0-9+/]*={0,2}$")
UNSAFE = re.compile(r"[\x00\ud800-\udfff]")


def safe_text(value, cap):
    """A string for the database: NUL shown as \\x00, lone surrogates as U+FFFD, at most `cap` characters."""
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    value = UNSAFE.sub(lambda m: "\\x00" if m.group() == "\x00" else "\ufffd", value[:cap * 4])
    return value if len(value) <= cap else value[:cap] + TRUNCATED


def safe_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or abs(value) > 1e12:
        return None
    return value


def safe_check(check):
    if not isinstance(check, dict):
        return None
    return {"name": safe_text(check.get("name"), 300), "passed": check.get("passed") is True,
            "message": safe_text(check.get("message"), MESSAGE_CAP),
            "points": safe_number(check.get("points")) or 0, "max_points": safe_number(check.get("max_points")) or 0,
            "duration_ms": safe_number(check.get("duration_ms"))}


def safe_exception(record):
    if not isinstance(record, dict):
        return None
    line = record.get("line")
    return {"type": safe_text(record.get("type"), 200), "message": safe_text(record.get("message"), MESSAGE_CAP),
            "line": line if isinstance(line, int) and not isinstance(line, bool) else None}


def safe_figures(figures):
    if not isinstance(figures, list):
        return []
    return [f for f in figures[:MAX_FIGURES]
            if isinstance(f, str) and len(f) <= MAX_FIGURE_CHARS and BASE64.match(f)]


def clean(result):
    """The fields `finish` stores, each checked and capped; an unknown status is the platform's fault."""
    result = result if isinstance(result, dict) else {}
    status = result.get("status")
    checks = result.get("checks") if isinstance(result.get("checks"), list) else []
    return {
        "status": status if status in Status.values else Status.SYSTEM_ERROR,
        "score": safe_number(result.get("score")),
        "max_score": safe_number(result.get("max_score")),
        "checks": [c for c in map(safe_check, checks[:MAX_CHECKS]) if c is not None],
        "stdout": safe_text(result.get("stdout"), STREAM_CAP + 200),
        "stderr": safe_text(result.get("stderr"), STREAM_CAP + 200),
        "figures": safe_figures(result.get("figures")),
        "exception": safe_exception(result.get("exception")),
        "message": safe_text(result.get("message"), MESSAGE_CAP),
        "run_ms": safe_number(result.get("run_ms")),
        "cpu_ms": safe_number(result.get("cpu_ms")),
        "duration_ms": safe_number(result.get("duration_ms")),
    }
