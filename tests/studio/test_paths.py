"""Paths never come from the browser; any name that does (a wrong attempt's) is a slug. `..`, absolute paths and
symbolic links are refused, and nothing is written outside the course folder."""
import pytest
from django.urls import reverse

from courses.models import Lesson
from studio import files

from .conftest import draft_of
from .test_exercises import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("relative", ["../curso-mini/course.yaml", "/etc/passwd", "pages/../../x", "", ".",
                                      "pages//intro-1.md", "..\\..\\x"])
def test_safe_join_refuses_parent_absolute_and_empty_parts(content_repo, relative):
    with pytest.raises(files.UnsafePath):
        files.safe_join(content_repo, relative)


def test_safe_join_refuses_symbolic_links_anywhere_on_the_way(content_repo, tmp_path):
    outside = tmp_path / "fuera"
    outside.mkdir()
    (outside / "secreto.md").write_text("secreto")
    (content_repo / "enlace").symlink_to(outside)
    (content_repo / "pages" / "enlace.md").symlink_to(outside / "secreto.md")
    for relative in ("enlace/secreto.md", "pages/enlace.md"):
        with pytest.raises(files.UnsafePath):
            files.safe_join(content_repo, relative)
    assert files.safe_join(content_repo, "pages/intro-1.md") == (content_repo / "pages" / "intro-1.md").resolve()


@pytest.mark.parametrize("name", ["../../evil", "/etc/passwd", "sub/attempt", "..", "Mayúsculas", "a b"])
def test_a_wrong_attempt_name_that_is_not_a_slug_is_refused(author_client, exercise_row, exercise_dir, name, tmp_path):
    before = files.read_exercise(exercise_dir)
    data = form_data(author_client, exercise_row, wrong_name=[name], wrong_code=["x = 1\n"])
    response = author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]), data)
    assert response.status_code == 400 and "Nombre de intento erróneo no válido" in response.content.decode()
    assert draft_of(exercise_row) is None and files.read_exercise(exercise_dir) == before
    assert not list(tmp_path.rglob("evil*")) and not list(tmp_path.rglob("passwd*"))


def test_a_lesson_file_that_is_a_symbolic_link_is_not_opened(author_client, lesson_row, lesson_file, tmp_path):
    outside = tmp_path / "fuera.md"
    outside.write_text(lesson_file.read_text())
    lesson_file.unlink()
    lesson_file.symlink_to(outside)
    assert author_client.get(reverse("studio:document", args=[lesson_row.uuid])).status_code == 404


def test_an_exercise_whose_files_pass_through_a_link_is_not_opened(author_client, exercise_row, exercise_dir, tmp_path):
    (tmp_path / "solucion.py").write_text("print('fuera')\n")
    (exercise_dir / "solution.py").unlink()
    (exercise_dir / "solution.py").symlink_to(tmp_path / "solucion.py")
    assert author_client.get(reverse("studio:exercise", args=[exercise_row.uuid])).status_code == 404


def test_a_source_path_that_leaves_the_course_is_refused(author_client, lesson_row):
    Lesson.objects.filter(pk=lesson_row.pk).update(source_path="curso-mini/../../../etc/passwd")
    assert author_client.get(reverse("studio:document", args=[lesson_row.uuid])).status_code == 404


def test_a_restore_takes_only_a_commit_id(author_client, lesson_row):
    for sha in ("HEAD", "--output=/tmp/x", "main", "abc"):
        response = author_client.post(reverse("studio:restore", args=[lesson_row.uuid]), {"sha": sha})
        assert response.status_code == 404
