"""Saving, proving and publishing content from the studio.

Every change goes to the files first and the database is then re-synced from them, so the two never disagree
and `sync_content` has nothing of the studio's to overwrite. A file that changed on disk since the author opened
it is a `Conflict`, never a silent overwrite. An exercise is a draft until its exact content has been proven in
the sandbox (on a worker): the solution passes and every wrong attempt fails.
"""
import logging
import re
import subprocess
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from courses import content
from courses.models import Device, Exercise, Lesson, Page
from courses.rendering import runnable_blocks
from courses.verdicts import Verdict
from runner.jobs import build_job
from runner.models import Mode
from runner.sandbox import get_sandbox
from runner.validation import BLOCK_TIME_LIMIT, describe, validate

from . import files, history
from .models import AuthorDraft, BlockRun, Status

log = logging.getLogger(__name__)
RUNNABLE_START = re.compile(r"^(`{3,}|~{3,})[ \t]*python[ \t]+run[ \t]*$", re.MULTILINE)


@dataclass
class Conflict(Exception):
    """The files changed on disk after the author opened them: both versions, by file name."""

    mine: dict
    theirs: dict
    disk_hash: str

    def changed(self):
        names = set(self.mine) | set(self.theirs)
        return sorted(name for name in names if self.mine.get(name) != self.theirs.get(name))


@dataclass
class Saved:
    commit: str | None = None
    block_run: BlockRun | None = None
    notes: list = field(default_factory=list)
    git_error: str = ""


def commit_quietly(paths, user, message):
    """The files are already written and synced: a repository git refuses (ownership, a stale lock) must not
    turn a saved edit into an error page, so the reason is handed back for the author to see."""
    try:
        return history.commit(paths, user, message), ""
    except (history.GitError, OSError, subprocess.SubprocessError) as error:
        log.warning("studio: could not commit %s: %s", paths, error)
        return None, str(error)


def sync_or_revert(folder, source_path, restore):
    """Re-syncs the course; if the written item is now broken, puts the old files back and says why."""
    tree, _report = content.sync_folder(folder)
    problems = [p for p in tree.problems if str(p.path) == source_path]
    if problems:
        restore()
        content.sync_folder(folder)
        raise files.InvalidContent("; ".join(f"línea {p.line}: {p.message}" for p in problems))


# ---------------------------------------------------------------- lessons and pages

def open_document(row):
    """(text, hash) of a lesson's or page's file as it is on disk now."""
    _folder, path = files.item_path(row.source_path)
    return files.read_text(path), files.file_hash(path)


def save_document(row, user, text, base_hash, message=""):
    """Writes a lesson or page file, syncs it, commits it, and prepares a run of a lesson's runnable blocks."""
    with files.writing():
        return write_and_commit_document(row, user, text, base_hash, message)


def write_and_commit_document(row, user, text, base_hash, message):
    folder, path = files.item_path(row.source_path)
    current = files.read_text(path)
    if files.file_hash(path) != base_hash:
        raise Conflict({path.name: text}, {path.name: current}, files.file_hash(path))
    files.check_identity(files.parse_document(text), row.uuid)
    if text == current:
        return Saved(notes=["sin cambios"])
    files.write_text(path, text)
    sync_or_revert(folder, row.source_path, lambda: files.write_text(path, current))
    title = files.parse_document(text).front["title"]
    sha, git_error = commit_quietly([path], user, message or f"Estudio: edita «{title}»")
    row.refresh_from_db()
    return Saved(commit=sha, block_run=start_block_run(row) if isinstance(row, Lesson) else None,
                 git_error=git_error)


def restore_document(row, user, sha):
    _folder, path = files.item_path(row.source_path)
    old = history.files_at(path, sha)[path.name]
    return save_document(row, user, old, files.file_hash(path),
                         message=f"Estudio: restaura «{row.title}» a la versión {sha[:8]}")


def document_for(uuid):
    return Lesson.objects.filter(uuid=uuid).first() or Page.objects.filter(uuid=uuid).first()


# ---------------------------------------------------------------- runnable blocks of a lesson

def block_lines(body):
    """Line (1-based, in the body) where each ```python run block opens, in the order `runnable_blocks` finds."""
    return [body[: match.start()].count("\n") + 1 for match in RUNNABLE_START.finditer(body)]


def start_block_run(lesson):
    codes = runnable_blocks(lesson.body_markdown)
    if not codes:
        return None
    lines = block_lines(lesson.body_markdown)
    blocks = [{"number": n, "line": lines[n - 1] if n <= len(lines) else 0, "code": code}
              for n, code in enumerate(codes, 1)]
    return BlockRun.objects.create(lesson=lesson, blocks=blocks)


def block_error(result):
    """What the author needs next to a failing block: the end of its traceback, or why it stopped."""
    output = (result.get("stderr") or result.get("message") or "").strip()
    return output[-800:] or describe(result)


def run_blocks(run_id):
    run = BlockRun.objects.filter(pk=run_id).first()
    if run is None or run.status not in (Status.QUEUED, Status.RUNNING):
        return
    BlockRun.objects.filter(pk=run.pk).update(status=Status.RUNNING)
    sandbox, results = get_sandbox(), []
    for block in run.blocks:
        job = build_job(f"studio-block-{run.pk}-{block['number']}", Mode.RUN, block["code"],
                        time_limit=BLOCK_TIME_LIMIT)
        result = sandbox.run(job).result
        ok = result.get("status") == Verdict.COMPLETED
        results.append({"number": block["number"], "line": block["line"], "ok": ok,
                        "message": "" if ok else block_error(result)})
    status = Status.PASSED if all(r["ok"] for r in results) else Status.FAILED
    BlockRun.objects.filter(pk=run.pk).update(status=status, results=results)


# ---------------------------------------------------------------- exercises: draft → proof → publish

def exercise_folder(exercise):
    folder, spec = files.item_path(exercise.source_path)
    return folder, spec.parent


def published_files(exercise):
    _folder, directory = exercise_folder(exercise)
    return files.read_exercise(directory)


def working_copy(exercise):
    """(files, base hash, draft or None): the author's draft if there is one, else the published files."""
    draft = AuthorDraft.objects.filter(exercise=exercise).first()
    if draft is not None:
        return draft.files, draft.base_hash, draft
    published = published_files(exercise)
    return published, files.digest(published), None


def save_draft(exercise, user, new_files, base_hash):
    """Keeps the author's version in the database only: students still see the published files."""
    files.check_exercise(new_files, exercise.uuid)
    draft, _created = AuthorDraft.objects.update_or_create(exercise=exercise, defaults={
        "files": new_files, "base_hash": base_hash, "author": user, "status": Status.EDITING,
        "validated_hash": "", "problems": []})
    return draft


def queue_validation(draft):
    AuthorDraft.objects.filter(pk=draft.pk).update(status=Status.QUEUED, problems=[], validated_hash="")
    draft.refresh_from_db()
    return draft


def proof_exercise(exercise, draft_files):
    """An unsaved `Exercise` carrying the draft's code, in the shape `runner.validation.validate` takes."""
    spec = files.exercise_spec(draft_files)
    return Exercise(slug=str(spec.get("slug", exercise.slug)), source_path=exercise.source_path, kind=Exercise.CODE,
                    solution_code=draft_files.get("solution.py", ""), checks_code=draft_files.get("checks.py", ""),
                    time_limit=int(spec.get("time_limit", 10)), memory_limit=int(spec.get("memory_limit", 1024)),
                    device=spec.get("device", Device.CPU), points=int(spec.get("points", 10)),
                    wrong_attempts=files.wrong_attempts(draft_files))


def validate_draft(draft_id):
    """Runs on a worker: proves the draft's exact content and records which content hash was proven."""
    draft = AuthorDraft.objects.select_related("exercise").filter(pk=draft_id).first()
    if draft is None:
        return
    proven_hash = files.digest(draft.files)
    AuthorDraft.objects.filter(pk=draft.pk).update(status=Status.RUNNING)
    report = validate(exercises=[proof_exercise(draft.exercise, draft.files)], include_blocks=False)
    prefix = f"{draft.exercise.source_path}: "
    problems = [in_spanish(p.removeprefix(prefix)) for p in report.problems]
    AuthorDraft.objects.filter(pk=draft.pk).update(
        status=Status.FAILED if problems else Status.PASSED, problems=problems,
        validated_hash="" if problems else proven_hash)


PROBLEM_WORDING = [
    (re.compile(r"^solution\.py did not pass: "), "solution.py no pasa: "),
    (re.compile(r"^wrong/(\S+) was not failed: "), r"wrong/\1 no falla, debería fallar: "),
    (re.compile(r"^no wrong/ attempts to prove the checks fail$"),
     "no hay intentos en wrong/ que demuestren que las comprobaciones detectan errores"),
]


def in_spanish(problem):
    """The validator's report is written for operators; authors read it in Spanish."""
    for pattern, wording in PROBLEM_WORDING:
        problem = pattern.sub(wording, problem)
    return problem


def can_publish(draft):
    return draft.status == Status.PASSED and draft.validated_hash == files.digest(draft.files)


class NotProven(Exception):
    pass


def publish(draft, user, keep_mine=False):
    """Writes the proven draft to the files, syncs, commits and drops the draft. Refused unless proven."""
    with files.writing():
        return write_and_commit_exercise(draft, user, keep_mine)


def write_and_commit_exercise(draft, user, keep_mine):
    if not can_publish(draft):
        raise NotProven("el borrador no ha pasado la validación en el sandbox")
    exercise = draft.exercise
    folder, directory = exercise_folder(exercise)
    current = files.read_exercise(directory)
    if files.digest(current) != draft.base_hash and not keep_mine:
        raise Conflict(draft.files, current, files.digest(current))
    with transaction.atomic():
        files.write_exercise(directory, draft.files)
        sync_or_revert(folder, exercise.source_path, lambda: files.write_exercise(directory, current))
        Exercise.objects.filter(pk=exercise.pk).update(validated_at=timezone.now(), validation_ok=True,
                                                       validation_report="")
        draft.delete()
    sha, git_error = commit_quietly([directory], user, f"Estudio: publica «{exercise.title}» (validado en el sandbox)")
    return Saved(commit=sha, git_error=git_error)


# ---------------------------------------------------------------- quizzes: no code runs, so a save publishes

def save_quiz(exercise, user, spec_text, base_hash):
    """Writes a quiz's exercise.yaml once the loader's own quiz rules accept it, syncs and commits it."""
    with files.writing():
        folder, directory = exercise_folder(exercise)
        current = files.read_exercise(directory)
        if files.digest(current) != base_hash:
            raise Conflict({files.SPEC: spec_text}, {files.SPEC: current.get(files.SPEC, "")}, files.digest(current))
        spec = files.exercise_spec({files.SPEC: spec_text})
        if str(spec.get("uuid")) != str(exercise.uuid):
            raise files.InvalidContent("el uuid no se puede cambiar: es la identidad estable del test")
        try:
            content.validate_quiz(spec, spec_text)
        except content.BrokenFile as error:
            raise files.InvalidContent(error.message) from None
        if spec_text == current.get(files.SPEC):
            return Saved(notes=["sin cambios"])
        path = files.safe_join(directory, files.SPEC)
        files.write_text(path, spec_text)
        sync_or_revert(folder, exercise.source_path, lambda: files.write_text(path, current[files.SPEC]))
        sha, git_error = commit_quietly([path], user, f"Estudio: edita el test «{spec.get('title')}»")
        return Saved(commit=sha, git_error=git_error)


def restore_quiz(exercise, user, sha):
    _folder, directory = exercise_folder(exercise)
    old = history.files_at(directory, sha)[files.SPEC]
    return save_quiz(exercise, user, old, files.digest(files.read_exercise(directory)))


def restore_exercise(exercise, user, sha):
    """An old version becomes a draft: it is published only after it is proven again."""
    _folder, directory = exercise_folder(exercise)
    old = {name: text for name, text in history.files_at(directory, sha).items()
           if name in (files.SPEC, *files.CODE_FILES) or name.startswith(f"{files.WRONG_DIR}/")}
    current = files.read_exercise(directory)
    return save_draft(exercise, user, old, files.digest(current))


def discard_draft(exercise):
    AuthorDraft.objects.filter(exercise=exercise).delete()
