"""Saving a lesson writes its file (front matter order and unknown keys kept), syncs it, and commits it; a file
that changed on disk is a conflict; history lists versions and restores one as a new commit."""
import pytest
from django.core.management import call_command
from django.urls import reverse

from courses.models import Lesson, Page
from studio import files, publishing
from studio.models import BlockRun, Status

from .conftest import git

pytestmark = pytest.mark.django_db


def form_data(client, lesson_row, **changes):
    form = client.get(reverse("studio:document", args=[lesson_row.uuid])).context["form"]
    data = {name: form.initial.get(name, "") for name in ("title", "order", "objectives", "body", "base_hash")}
    data["message"] = ""
    data.update(changes)
    return data


def test_the_editor_shows_the_front_matter_as_fields(author_client, lesson_row):
    html = author_client.get(reverse("studio:document", args=[lesson_row.uuid])).content.decode()
    assert 'value="Shapes"' in html and "Entender shapes" in html and "Primer párrafo" in html


def test_saving_writes_the_file_syncs_and_commits_as_the_author(author_client, lesson_row, lesson_file, client):
    lesson_file.write_text(lesson_file.read_text().replace("order: 1\n", "order: 1\nnotas: clave propia\n"))
    git(lesson_file.parent, "commit", "-qam", "Añade notas", "--author=Otro <otro@example.com>")
    data = form_data(author_client, lesson_row, title="Shapes y dtypes",
                     objectives="Leer la forma de un tensor\nCambiar su dtype",
                     body="Texto nuevo del estudio.\n\n## Apartado\n\nMás.\n", message="Reescribe la introducción")
    response = author_client.post(reverse("studio:document", args=[lesson_row.uuid]), data)
    assert response.status_code == 302

    text = lesson_file.read_text()
    front, body = files.parse_document(text).front, files.parse_document(text).body
    assert list(front) == ["uuid", "title", "slug", "order", "notas", "objectives"]
    assert front["title"] == "Shapes y dtypes" and front["notas"] == "clave propia"
    assert front["objectives"] == ["Leer la forma de un tensor", "Cambiar su dtype"]
    assert body == "Texto nuevo del estudio.\n\n## Apartado\n\nMás.\n"
    log = git(lesson_file.parent, "log", "-1", "--format=%an <%ae>|%s")
    assert log.strip() == "Ana Autora <autora@example.com>|Reescribe la introducción"
    assert git(lesson_file.parent, "status", "--porcelain").strip() == ""

    lesson = Lesson.objects.get(pk=lesson_row.pk)
    assert lesson.title == "Shapes y dtypes" and "Texto nuevo del estudio." in lesson.body_html
    client.logout()
    assert "Texto nuevo del estudio." in client.get(lesson.get_absolute_url()).content.decode()


def test_a_later_sync_content_has_nothing_of_the_studio_to_overwrite(author_client, lesson_row, studio_course, capsys):
    author_client.post(reverse("studio:document", args=[lesson_row.uuid]),
                       form_data(author_client, lesson_row, body="Editado en el estudio.\n"))
    call_command("sync_content", str(studio_course))
    assert "overwrote" not in capsys.readouterr().out
    assert "Editado en el estudio." in Lesson.objects.get(pk=lesson_row.pk).body_html


def test_saving_a_lesson_with_runnable_blocks_queues_a_run_of_them(author_client, lesson_row):
    data = form_data(author_client, lesson_row, body="Uno.\n\n```python run\nprint(1)\n```\n\nDos.\n\n```python run\nx = 1/0\n```\n")
    response = author_client.post(reverse("studio:document", args=[lesson_row.uuid]), data)
    run = BlockRun.objects.get(lesson=lesson_row)
    assert [b["line"] for b in run.blocks] == [3, 9] and run.blocks[1]["code"] == "x = 1/0\n"
    assert response.url.endswith(f"?bloques={run.pk}")
    status = author_client.get(reverse("studio:blocks", args=[run.pk])).json()
    assert status["status"] == "queued" and status["total"] == 2


def test_a_file_changed_on_disk_since_opening_is_a_conflict_and_nothing_is_lost(author_client, lesson_row, lesson_file):
    data = form_data(author_client, lesson_row, body="Mi versión del texto.\n")
    theirs = lesson_file.read_text().replace("Primer párrafo", "Párrafo del despliegue")
    lesson_file.write_text(theirs)
    response = author_client.post(reverse("studio:document", args=[lesson_row.uuid]), data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Mi versión del texto." in html and "Párrafo del despliegue" in html
    assert lesson_file.read_text() == theirs

    merged = theirs.rstrip() + "\n\nMi versión del texto.\n"
    response = author_client.post(reverse("studio:resolve", args=[lesson_row.uuid]),
                                  {"text": merged, "base_hash": files.file_hash(lesson_file)})
    assert response.status_code == 302
    assert "Párrafo del despliegue" in lesson_file.read_text() and "Mi versión del texto." in lesson_file.read_text()


def test_a_broken_save_is_refused_and_the_file_stays_as_it_was(author_client, lesson_row, lesson_file):
    before = lesson_file.read_text()
    broken = before.replace(f"uuid: {lesson_row.uuid}", "uuid: 00000000-0000-4000-8000-000000000000")
    response = author_client.post(reverse("studio:resolve", args=[lesson_row.uuid]),
                                  {"text": broken, "base_hash": files.file_hash(lesson_file)})
    assert response.status_code == 400 and "uuid no se puede cambiar" in response.content.decode()
    assert lesson_file.read_text() == before


def test_history_lists_versions_with_a_diff_and_restores_one_as_a_new_commit(author_client, lesson_row, lesson_file):
    original = lesson_file.read_text()
    for body in ("Primera edición.\n", "Segunda edición.\n"):
        author_client.post(reverse("studio:document", args=[lesson_row.uuid]), form_data(author_client, lesson_row, body=body))
    response = author_client.get(reverse("studio:history", args=[lesson_row.uuid]))
    versions = response.context["versions"]
    assert len(versions) == 3 and "+Segunda edición." in versions[0].diff
    assert versions[2].message == "Curso inicial"

    response = author_client.post(reverse("studio:restore", args=[lesson_row.uuid]), {"sha": versions[2].sha})
    assert response.status_code == 302
    assert lesson_file.read_text() == original
    assert git(lesson_file.parent, "log", "-1", "--format=%s").startswith("Estudio: restaura")
    assert "Primer párrafo" in Lesson.objects.get(pk=lesson_row.pk).body_html


def test_the_preview_uses_the_lesson_pipeline(author_client, studio_course):
    markdown = '!!! note "Ojo"\n    Cuidado.\n\n```python run\nprint(1)\n```\n\n<script>alert(1)</script>\n'
    html = author_client.post(reverse("studio:preview"), {"markdown": markdown}).json()["html"]
    assert 'class="admonition note"' in html and 'class="runnable highlight"' in html and "<script>" not in html


def test_saving_without_git_still_writes_the_file(author_client, lesson_row, lesson_file):
    git(lesson_file.parent, "rev-parse", "--show-toplevel")
    (studio_root := lesson_file.parents[3]).joinpath(".git").rename(studio_root / "git-off")
    response = author_client.post(reverse("studio:document", args=[lesson_row.uuid]),
                                  form_data(author_client, lesson_row, body="Sin repositorio.\n"))
    assert response.status_code == 302 and "Sin repositorio." in lesson_file.read_text()


def test_a_page_is_edited_the_same_way_without_block_runs(author_client, studio_course):
    page = Page.objects.get(slug="bienvenida")
    form = author_client.get(reverse("studio:document", args=[page.uuid])).context["form"]
    data = {**form.initial, "title": "Bienvenida al curso", "body": "Hola de nuevo.\n", "message": ""}
    assert author_client.post(reverse("studio:document", args=[page.uuid]), data).status_code == 302
    text = (studio_course / "pages" / "intro-1.md").read_text()
    assert "title: Bienvenida al curso\n" in text and "kind: intro\n" in text and text.endswith("Hola de nuevo.\n")
    assert Page.objects.get(pk=page.pk).title == "Bienvenida al curso" and not BlockRun.objects.exists()


def test_a_repository_git_refuses_still_keeps_the_saved_file_and_says_why(author_client, lesson_row, lesson_file):
    (lesson_file.parents[3] / ".git" / "index.lock").write_text("")
    response = author_client.post(reverse("studio:document", args=[lesson_row.uuid]),
                                  form_data(author_client, lesson_row, body="Guardado aunque git falle.\n"), follow=True)
    assert "Guardado aunque git falle." in lesson_file.read_text()
    assert "git no registró el cambio" in response.content.decode()


def test_a_block_run_records_each_blocks_error_with_its_line(lesson_row, monkeypatch):
    class Sandbox:
        def run(self, job):
            failing = "1/0" in job.code
            return type("Outcome", (), {"result": {"status": "error" if failing else "completed",
                                                   "stderr": "Traceback…\nZeroDivisionError: division by zero\n"
                                                   if failing else ""}})()

    monkeypatch.setattr(publishing, "get_sandbox", Sandbox)
    Lesson.objects.filter(pk=lesson_row.pk).update(
        body_markdown="Texto.\n\n```python run\nprint(1)\n```\n\n```python run\n1/0\n```\n")
    run = publishing.start_block_run(Lesson.objects.get(pk=lesson_row.pk))
    publishing.run_blocks(run.pk)
    run.refresh_from_db()
    assert run.status == Status.FAILED
    assert [(r["number"], r["line"], r["ok"]) for r in run.results] == [(1, 3, True), (2, 7, False)]
    assert run.results[1]["message"].endswith("ZeroDivisionError: division by zero")


def test_the_course_tree_lists_everything_and_search_narrows_it_by_text(author_client, studio_course):
    html = author_client.get(reverse("studio:index")).content.decode()
    assert all(text in html for text in ("Bienvenida", "1.1.1 Shapes", "1.1.2 Broadcasting", "Reorganizar un lote"))
    html = author_client.get(reverse("studio:index"), {"q": "figura lista"}).content.decode()
    assert "1.1.1 Shapes" in html and "1.1.2 Broadcasting" not in html and "Bienvenida" not in html


def test_a_file_broken_on_disk_opens_as_text_to_repair(author_client, lesson_row, lesson_file):
    original = lesson_file.read_text()
    lesson_file.write_text("sin cabecera\n")
    response = author_client.get(reverse("studio:document", args=[lesson_row.uuid]))
    assert response.status_code == 200 and "no se puede leer" in response.content.decode()
    response = author_client.post(reverse("studio:resolve", args=[lesson_row.uuid]),
                                  {"text": original, "base_hash": files.file_hash(lesson_file)})
    assert response.status_code == 302 and lesson_file.read_text() == original
