"""Limits on what a student may send us, defined once; every error message reads the constant it reports."""

MAX_CODE_BYTES = 64 * 1024


class CodeRejected(ValueError):
    """The text cannot be stored as code; the message says why, in Spanish."""


def check_code_text(code):
    """Accepts code for a draft or a submission, or raises CodeRejected with the reason."""
    if len(code.encode("utf-8", "surrogatepass")) > MAX_CODE_BYTES:
        raise CodeRejected(f"El código ocupa más de {MAX_CODE_BYTES // 1024} KiB; redúcelo antes de enviarlo.")
    if "\x00" in code:
        raise CodeRejected("El código contiene bytes nulos (NUL); no parece texto.")
    try:
        code.encode("utf-8")
    except UnicodeEncodeError:
        raise CodeRejected("El código no es UTF-8 válido.") from None
    return code
