"""The course's Spanish terms: the style sheet in content/README.md, enforced over every lesson file.

Each rule names a word that must not appear in a lesson (prose, code comments and printed strings alike, since
students read all three) and the word to use instead. «Precisión» is the name of a metric (TP / (TP + FP)) and of
a number's resolution, so it is allowed only on lines that show one of those senses; anywhere else it is being
used for accuracy, which the course calls «exactitud».
"""
import re
from pathlib import Path

from django.conf import settings

COURSE_DIR = Path(settings.BASE_DIR) / "content" / "pytorch-desde-cero"

FORBIDDEN = [
    (re.compile(r"\blibrer[ií]as?\b", re.IGNORECASE), "«librería»: escribe «biblioteca»"),
    (re.compile(r"\bporcentaje de acierto\b", re.IGNORECASE), "«porcentaje de acierto»: escribe «exactitud»"),
]

PRECISION = re.compile(r"\bprecisión\b", re.IGNORECASE)
# Words that, on the same line, show «precisión» means the metric or numeric resolution, not accuracy.
PRECISION_SENSES = re.compile(
    r"recall|exhaustividad|\bF1\b|\bTP\b|\bFP\b|falsos? positivos?|positivos?\b|precision_score|average_precision"
    r"|UndefinedMetricWarning|umbral|con (?:más )?precisión|mixta|media precisión|float|dtype|cifras|dígitos|decimales|bits|numéric",
    re.IGNORECASE,
)


def lesson_files():
    return sorted(COURSE_DIR.rglob("*.md"))


def style_problems(path):
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.relative_to(COURSE_DIR)}:{number}"
        if line.startswith("slug:"):
            continue  # a slug is a URL: renaming it would break links and bookmarks
        for pattern, advice in FORBIDDEN:
            if pattern.search(line):
                problems.append(f"{where}: {advice}")
        if PRECISION.search(line) and not PRECISION_SENSES.search(line):
            problems.append(f"{where}: «precisión» usada como accuracy: escribe «exactitud»")
    return problems


def test_the_course_has_lessons_to_check():
    assert len(lesson_files()) > 70


def test_no_lesson_uses_a_forbidden_term():
    problems = [problem for path in lesson_files() for problem in style_problems(path)]
    assert not problems, "Términos fuera de la hoja de estilo (content/README.md):\n" + "\n".join(problems)


def test_the_check_names_file_and_line(tmp_path):
    lesson = tmp_path / "leccion.md"
    lesson.write_text("Una línea limpia.\nUsa la librería estándar.\nLa precisión en test fue del 91 %.\n"
                      "La precisión y el recall de la clase 1.\n", encoding="utf-8")
    global COURSE_DIR
    saved, COURSE_DIR = COURSE_DIR, tmp_path
    try:
        problems = style_problems(lesson)
    finally:
        COURSE_DIR = saved
    assert problems == ["leccion.md:2: «librería»: escribe «biblioteca»",
                        "leccion.md:3: «precisión» usada como accuracy: escribe «exactitud»"]


IMAGE = re.compile(r"!\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)\)")  # alt text may hold [brackets]


def test_every_diagram_a_lesson_shows_exists_with_a_title_and_spanish_alt_text():
    problems = []
    for path in lesson_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for alt, target in IMAGE.findall(line):
                where = f"{path.relative_to(COURSE_DIR)}:{number}"
                if target.startswith(("http://", "https://", "/")):
                    continue
                image = path.parent / target
                if not image.is_file():
                    problems.append(f"{where}: no existe {target}")
                    continue
                if len(alt.split()) < 5:
                    problems.append(f"{where}: el texto alternativo de {target} no describe la imagen")
                if image.suffix == ".svg":
                    svg = image.read_text(encoding="utf-8")
                    if not re.search(r"<title[\s>]", svg):
                        problems.append(f"{where}: {target} no tiene <title>")
                    if image.stat().st_size > 20_000:
                        problems.append(f"{where}: {target} ocupa más de 20 KB")
    assert not problems, "\n".join(problems)
