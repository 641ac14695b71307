"""sync_content loads the course files idempotently and never loses rows because a file is broken."""
import io
import re
import shutil

import pytest
from django.core.management import CommandError, call_command

from courses.models import Course, Exercise, Lesson, LessonProgress, Page, Section, Unit
from tests.factories import LESSON_ONE_UUID, REAL_CONTENT, ExerciseResultFactory

pytestmark = pytest.mark.django_db
SUMMARY = re.compile(r"^\d+ units, \d+ sections, \d+ lessons, \d+ exercises", re.MULTILINE)


def sync(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("sync_content", str(path), *args, stdout=out, stderr=err)
        failed = None
    except CommandError as exc:
        failed = exc
    return out.getvalue(), err.getvalue(), failed


def test_the_real_course_loads_with_its_whole_outline():
    out, err, failed = sync(REAL_CONTENT)
    assert failed is None, err
    assert re.search(r"^13 units, 25 sections, 77 lessons, \d+ exercises", out, re.MULTILINE)
    assert re.search(r"^77 of 77 lessons have practice$", out, re.MULTILINE), out
    assert Page.objects.filter(kind="intro").count() == 3
    assert Page.objects.filter(kind="end").count() == 3
    assert list(Unit.objects.values_list("number", flat=True)) == list(range(1, 14))
    assert Lesson.objects.get(number="12.1.5").title == "Conclusiones razonadas"


def test_a_second_sync_changes_nothing(course_dir):
    sync(course_dir)
    before = {row.pk: (row.body_html, row.synced_hash) for row in Lesson.objects.all()}
    out, _, failed = sync(course_dir)
    assert failed is None
    assert "updated" not in out and "created" not in out
    assert SUMMARY.search(out).group(0) == "1 units, 1 sections, 2 lessons, 1 exercises"
    assert {row.pk: (row.body_html, row.synced_hash) for row in Lesson.objects.all()} == before


def test_an_edited_file_updates_its_row(course_dir):
    sync(course_dir)
    path = next(course_dir.rglob("1.1.1-shapes.md"))
    path.write_text(path.read_text().replace("Primer párrafo", "Párrafo reescrito"))
    out, _, _ = sync(course_dir)
    assert "updated" in out
    assert "Párrafo reescrito" in Lesson.objects.get(uuid=LESSON_ONE_UUID).body_html


def test_a_renamed_file_keeps_its_row_progress_and_results(course_dir, student):
    sync(course_dir)
    lesson = Lesson.objects.get(uuid=LESSON_ONE_UUID)
    LessonProgress.objects.create(user=student, lesson=lesson)
    exercise = Exercise.objects.get(kind="code")
    ExerciseResultFactory(user=student, exercise=exercise)
    path = next(course_dir.rglob("1.1.1-shapes.md"))
    path.rename(path.with_name("1.1.1-formas-renombrado.md"))
    shutil.move(str(next(course_dir.rglob("reorganizar-lote"))), str(path.parent / "exercises" / "otro-nombre"))
    sync(course_dir)
    assert Lesson.objects.get(uuid=LESSON_ONE_UUID).pk == lesson.pk
    assert LessonProgress.objects.filter(lesson=lesson, user=student).exists()
    assert Exercise.objects.get(kind="code").pk == exercise.pk
    assert exercise.results.filter(user=student).count() == 1
    assert Lesson.objects.count() == 2


BROKEN = {
    "bad yaml": ("---\nuuid: [unclosed\ntitle: X\n---\n\nTexto\n", "YAML no válido", 3),
    "missing uuid": ("---\ntitle: Sin uuid\nslug: sin-uuid\norder: 3\n---\n\nTexto\n", "falta el campo obligatorio 'uuid'", 2),
    "missing title": ("---\nuuid: 33333333-3333-4333-8333-333333333333\nslug: sin-titulo\norder: 3\n---\n\nTexto\n",
                      "falta el campo obligatorio 'title'", 2),
    "duplicate slug": ("---\nuuid: 44444444-4444-4444-8444-444444444444\ntitle: Copia\nslug: broadcasting\norder: 3\n"
                       "---\n\nTexto\n", "slug duplicado", 4),
    "duplicate uuid": (f"---\nuuid: {LESSON_ONE_UUID}\ntitle: Copia\nslug: copia\norder: 3\n---\n\nTexto\n",
                       "uuid duplicado", 2),
}


@pytest.mark.parametrize("case", BROKEN.keys())
def test_a_broken_lesson_is_reported_with_path_and_line_and_the_rest_still_syncs(course_dir, case):
    sync(course_dir)
    text, message, line = BROKEN[case]
    section = next(course_dir.rglob("section.yaml")).parent
    (section / "1.1.9-roto.md").write_text(text)
    path = next(course_dir.rglob("1.1.2-broadcasting.md"))
    path.write_text(path.read_text().replace("Texto.", "Texto nuevo."))
    out, err, failed = sync(course_dir)
    assert failed is not None
    assert f"1.1.9-roto.md:{line}: {message}" in err
    assert Lesson.objects.count() == 2
    assert "Texto nuevo" in Lesson.objects.get(slug="broadcasting").body_html
    assert SUMMARY.search(out)


def test_a_section_of_an_unknown_unit_is_reported_and_nothing_is_deleted(course_dir):
    sync(course_dir)
    (next(course_dir.rglob("unit.yaml"))).write_text("uuid: no-es-un-uuid\nnumber: 1\ntitle: T\nslug: t\n")
    out, err, failed = sync(course_dir)
    assert failed is not None
    assert "unit.yaml:1: 'uuid' no es un UUID válido" in err
    assert "unidad desconocida" in err
    assert (Unit.objects.count(), Section.objects.count(), Lesson.objects.count()) == (1, 1, 2)


def test_check_validates_without_writing(course_dir):
    out, err, failed = sync(course_dir, "--check")
    assert failed is None and "0 problems" in out
    assert Course.objects.count() == 0


def test_files_win_over_admin_edits_and_the_overwrite_is_reported(course_dir):
    sync(course_dir)
    lesson = Lesson.objects.get(uuid=LESSON_ONE_UUID)
    lesson.body_markdown = "Editado en el admin"
    lesson.render()
    lesson.save()
    assert "Editado en el admin" in Lesson.objects.get(pk=lesson.pk).body_html
    out, _, _ = sync(course_dir)
    assert "overwrote admin edits in curso-mini/unidad-01-tensores/1.1-basico/1.1.1-shapes.md" in out
    assert "Primer párrafo" in Lesson.objects.get(pk=lesson.pk).body_html


def test_a_removed_exercise_is_unpublished_not_deleted(course_dir):
    sync(course_dir)
    shutil.rmtree(next(course_dir.rglob("reorganizar-lote")))
    out, _, _ = sync(course_dir)
    assert "unpublished" in out
    assert Exercise.objects.get(slug="reorganizar-lote").published is False
