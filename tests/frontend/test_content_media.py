"""Diagrams live beside the lessons that show them, and only images ever leave the content folder."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from courses.models import Lesson

pytestmark = pytest.mark.django_db
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Grafo</title></svg>'


@pytest.fixture
def lesson_with_diagram(course_dir):
    lesson_file = next(course_dir.rglob("1.1.2-broadcasting.md"))
    (lesson_file.parent / "diagramas").mkdir()
    (lesson_file.parent / "diagramas" / "formas.svg").write_text(SVG)
    lesson_file.write_text(lesson_file.read_text() + "\n![Dos formas que se alinean por la derecha](diagramas/formas.svg)\n")
    with override_settings(CONTENT_DIR=course_dir.parent):
        call_command("sync_content", str(course_dir), verbosity=0)
        yield Lesson.objects.get(slug="broadcasting")


def test_a_lesson_image_is_served_from_beside_the_lesson(client, lesson_with_diagram):
    html = lesson_with_diagram.body_html
    src = "/contenido/medios/curso-mini/unidad-01-tensores/1.1-basico/diagramas/formas.svg"
    assert f'src="{src}"' in html and 'alt="Dos formas que se alinean por la derecha"' in html
    page = client.get(lesson_with_diagram.get_absolute_url()).content.decode()
    assert src in page
    response = client.get(src)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert "script-src" not in response["Content-Security-Policy"] and "default-src 'none'" in response[
        "Content-Security-Policy"]
    assert b"<title>Grafo</title>" in b"".join(response.streaming_content)


@pytest.mark.parametrize("path", [
    "curso-mini/course.yaml",
    "curso-mini/unidad-01-tensores/1.1-basico/exercises/reorganizar-lote/solution.py",
    "curso-mini/unidad-01-tensores/1.1-basico/exercises/reorganizar-lote/checks.py",
    "../curso-mini/unidad-01-tensores/1.1-basico/diagramas/formas.svg",
    "curso-mini/unidad-01-tensores/1.1-basico/diagramas/no-existe.svg",
    "%2e%2e/%2e%2e/etc/passwd",
])
def test_anything_but_an_existing_image_in_the_content_folder_is_404(client, lesson_with_diagram, path):
    assert client.get("/contenido/medios/" + path).status_code == 404


def test_an_image_inside_an_exercise_folder_is_not_served(client, lesson_with_diagram, course_dir):
    exercise_dir = next(course_dir.rglob("reorganizar-lote"))
    (exercise_dir / "pista.svg").write_text(SVG)
    path = exercise_dir.relative_to(course_dir.parent) / "pista.svg"
    assert client.get(f"/contenido/medios/{path}").status_code == 404


def test_a_symlink_out_of_the_content_folder_is_not_followed(client, lesson_with_diagram, course_dir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("fuera") / "secreto.svg"
    outside.write_text(SVG)
    link = next(course_dir.rglob("diagramas")) / "enlace.svg"
    link.symlink_to(outside)
    path = link.relative_to(course_dir.parent)
    assert client.get(f"/contenido/medios/{path}").status_code == 404


@pytest.mark.parametrize("reference, message", [
    ("diagramas/falta.svg", "imagen no encontrada: diagramas/falta.svg"),
    ("https://example.com/x.svg", "imagen externa no permitida"),
    ("../../../../fuera.svg", "imagen no permitida"),
    ("diagramas/guion.py", "imagen no permitida"),
])
def test_sync_reports_an_image_that_is_missing_or_not_allowed_with_its_line(course_dir, reference, message):
    lesson_file = next(course_dir.rglob("1.1.2-broadcasting.md"))
    lines = lesson_file.read_text().count("\n")
    lesson_file.write_text(lesson_file.read_text() + f"\n![Texto]({reference})\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("sync_content", str(course_dir), "--check", stderr=err, verbosity=0)
    assert message in err.getvalue() and f"1.1.2-broadcasting.md:{lines + 2}:" in err.getvalue()
