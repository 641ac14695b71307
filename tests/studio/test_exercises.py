"""An exercise is edited as a draft, proven in the sandbox on a worker, and only then published to its files."""
import pytest
from django.urls import reverse

from courses.models import Exercise
from runner.validation import Report
from studio import files, publishing
from studio.models import Status

from .conftest import draft_of, git

pytestmark = pytest.mark.django_db


def form_data(client, exercise, **changes):
    response = client.get(reverse("studio:exercise", args=[exercise.uuid]))
    data = dict(response.context["form"].initial)
    names, codes = zip(*response.context["wrong"]) if response.context["wrong"] else ((), ())
    data.update(wrong_name=[n.removesuffix(".py") for n in names], wrong_code=list(codes), action="save")
    data.update(changes)
    return data


def fake_validation(monkeypatch, problems):
    def validate(exercises, include_blocks):
        report = Report(exercises=1)
        for problem in problems:
            report.problem(f"{exercises[0].source_path}: {problem}")
        fake_validation.proven = exercises[0]
        return report
    monkeypatch.setattr(publishing, "validate", validate)


def test_the_editor_shows_instructions_starter_solution_checks_hints_and_wrong_attempts(author_client, exercise_row):
    html = author_client.get(reverse("studio:exercise", args=[exercise_row.uuid])).content.decode()
    for text in ("Reorganizar un lote de imágenes", "def aplanar_lote", "@check(", "Un lote de imágenes tiene forma",
                 'value="aplana-todo-el-lote"', 'value="reshape-en-vez-de-permute"', "Vista previa del enunciado"):
        assert text in html


def test_a_saved_draft_leaves_the_files_and_what_students_see_unchanged(author_client, exercise_row, exercise_dir):
    before = files.read_exercise(exercise_dir)
    data = form_data(author_client, exercise_row, solution="def aplanar_lote(x):\n    return x\n")
    assert author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]), data).status_code == 302
    assert files.read_exercise(exercise_dir) == before
    assert Exercise.objects.get(pk=exercise_row.pk).solution_code == before["solution.py"]
    draft = draft_of(exercise_row)
    assert draft.status == Status.EDITING and draft.files["solution.py"].startswith("def aplanar_lote(x):\n    return x")
    html = author_client.get(reverse("studio:exercise", args=[exercise_row.uuid])).content.decode()
    assert "Cambios del borrador respecto a lo publicado" in html and "+    return x" in html


def test_unchanged_fields_keep_the_spec_file_byte_for_byte(author_client, exercise_row, exercise_dir):
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]), form_data(author_client, exercise_row))
    assert draft_of(exercise_row).files == files.read_exercise(exercise_dir)


def test_validating_queues_the_proof_on_the_worker_and_never_runs_it_in_the_request(
        author_client, exercise_row, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(publishing, "validate", lambda **kwargs: pytest.fail("the web request ran the sandbox"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]),
                           form_data(author_client, exercise_row, action="validate"))
    assert len(callbacks) == 1 and draft_of(exercise_row).status == Status.QUEUED
    assert author_client.get(reverse("studio:exercise-status", args=[exercise_row.uuid])).json()["status"] == "queued"


def test_a_draft_that_failed_its_proof_cannot_be_published(author_client, exercise_row, exercise_dir, monkeypatch):
    before = files.read_exercise(exercise_dir)
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]),
                       form_data(author_client, exercise_row, solution="def aplanar_lote(x):\n    return x\n"))
    fake_validation(monkeypatch, ["solution.py did not pass: failed (aplanar_lote devuelve una fila por imagen: forma)"])
    publishing.validate_draft(draft_of(exercise_row).pk)
    status = author_client.get(reverse("studio:exercise-status", args=[exercise_row.uuid])).json()
    assert status["status"] == "failed" and not status["can_publish"]
    assert status["problems"] == ["solution.py no pasa: failed (aplanar_lote devuelve una fila por imagen: forma)"]
    response = author_client.post(reverse("studio:publish", args=[exercise_row.uuid]), {"action": "publish"}, follow=True)
    assert "Publicación rechazada" in response.content.decode()
    assert files.read_exercise(exercise_dir) == before


def test_a_proven_draft_is_published_to_the_files_synced_and_committed(author_client, exercise_row, exercise_dir,
                                                                      monkeypatch):
    solution = files.read_exercise(exercise_dir)["solution.py"] + "\n# Versión comentada.\n"
    data = form_data(author_client, exercise_row, solution=solution, title="Reorganizar lotes",
                     wrong_name=["aplana-todo-el-lote", "olvida-el-float"],
                     wrong_code=["def aplanar_lote(x):\n    return x.flatten()\n", "def aplanar_lote(x):\n    return x\n"])
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]), data)
    fake_validation(monkeypatch, [])
    publishing.validate_draft(draft_of(exercise_row).pk)
    assert fake_validation.proven.solution_code == solution
    assert set(fake_validation.proven.wrong_attempts) == {"aplana-todo-el-lote.py", "olvida-el-float.py"}

    response = author_client.post(reverse("studio:publish", args=[exercise_row.uuid]), {"action": "publish"})
    assert response.status_code == 302 and draft_of(exercise_row) is None
    on_disk = files.read_exercise(exercise_dir)
    assert on_disk["solution.py"] == solution
    assert sorted(files.wrong_attempts(on_disk)) == ["aplana-todo-el-lote.py", "olvida-el-float.py"]
    assert 'title: Reorganizar lotes\n' in on_disk["exercise.yaml"]
    assert '  - "Un lote de imágenes tiene forma' in on_disk["exercise.yaml"]
    exercise = Exercise.objects.get(pk=exercise_row.pk)
    assert exercise.title == "Reorganizar lotes" and exercise.solution_code == solution and exercise.published
    assert exercise.validation_ok
    assert git(exercise_dir, "log", "-1", "--format=%an|%s").startswith("Ana Autora|Estudio: publica")
    assert git(exercise_dir, "status", "--porcelain").strip() == ""


def test_a_draft_changed_after_its_proof_must_be_proven_again(author_client, exercise_row, monkeypatch):
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]), form_data(author_client, exercise_row))
    fake_validation(monkeypatch, [])
    publishing.validate_draft(draft_of(exercise_row).pk)
    draft = draft_of(exercise_row)
    draft.files = {**draft.files, "solution.py": "def aplanar_lote(x):\n    return x\n"}
    draft.save()
    with pytest.raises(publishing.NotProven):
        publishing.publish(draft_of(exercise_row), None)


def test_files_changed_on_disk_before_publishing_are_a_conflict(author_client, exercise_row, exercise_dir, monkeypatch):
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]),
                       form_data(author_client, exercise_row, starter="# Mi starter\n"))
    fake_validation(monkeypatch, [])
    publishing.validate_draft(draft_of(exercise_row).pk)
    (exercise_dir / "starter.py").write_text("# Starter del despliegue\n")

    response = author_client.post(reverse("studio:publish", args=[exercise_row.uuid]), {"action": "publish"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "# Mi starter" in html and "# Starter del despliegue" in html
    assert (exercise_dir / "starter.py").read_text() == "# Starter del despliegue\n"
    assert draft_of(exercise_row) is not None

    author_client.post(reverse("studio:publish", args=[exercise_row.uuid]), {"action": "keep-mine"})
    assert (exercise_dir / "starter.py").read_text() == "# Mi starter\n"


def test_taking_the_disk_version_discards_the_draft(author_client, exercise_row, exercise_dir):
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]),
                       form_data(author_client, exercise_row, starter="# Mi starter\n"))
    author_client.post(reverse("studio:publish", args=[exercise_row.uuid]), {"action": "discard"})
    assert draft_of(exercise_row) is None and "# Mi starter" not in (exercise_dir / "starter.py").read_text()


def test_restoring_an_old_version_makes_it_a_draft_that_must_be_proven(author_client, exercise_row, exercise_dir,
                                                                       monkeypatch):
    original = files.read_exercise(exercise_dir)
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]),
                       form_data(author_client, exercise_row, starter="# Nuevo starter\n"))
    fake_validation(monkeypatch, [])
    publishing.validate_draft(draft_of(exercise_row).pk)
    author_client.post(reverse("studio:publish", args=[exercise_row.uuid]), {"action": "publish"})
    versions = author_client.get(reverse("studio:history", args=[exercise_row.uuid])).context["versions"]
    assert len(versions) == 2 and "+# Nuevo starter" in versions[0].diff

    author_client.post(reverse("studio:restore", args=[exercise_row.uuid]), {"sha": versions[1].sha})
    draft = draft_of(exercise_row)
    assert draft.files == original and draft.status == Status.EDITING
    assert (exercise_dir / "starter.py").read_text() == "# Nuevo starter\n"


def test_the_course_tree_marks_exercises_with_a_pending_draft(author_client, exercise_row):
    assert 'class="draft">borrador<' not in author_client.get(reverse("studio:index")).content.decode()
    author_client.post(reverse("studio:exercise", args=[exercise_row.uuid]),
                       form_data(author_client, exercise_row, starter="# Otro starter\n"))
    html = author_client.get(reverse("studio:index") + "?q=reorganizar").content.decode()
    assert 'class="draft">borrador<' in html and "Reorganizar un lote de imágenes" in html
