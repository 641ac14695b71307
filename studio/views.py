"""The content studio's pages. Each view: authorise (404 for anyone who may not author), parse, one domain
call, respond. Items are addressed by uuid; no path ever comes from the browser."""
import difflib
import functools
import uuid as uuid_module

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from courses.models import Exercise, Lesson
from courses.rendering import render_markdown

from . import files, history, publishing, tasks, tree
from .access import author_or_404
from .forms import DocumentForm, ExerciseForm, QuizForm, ResolveForm
from .models import AuthorDraft, BlockRun, Status

BLOCK_RUN_LABELS = {Status.QUEUED: _lazy("en cola"), Status.RUNNING: _lazy("ejecutándose en el sandbox"),
                    Status.PASSED: _lazy("todos se ejecutan sin errores"), Status.FAILED: _lazy("alguno falla"),
                    Status.EDITING: _lazy("en cola")}


def authoring(view):
    """404 for everyone who may not author (anonymous visitors included), on every studio URL."""
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        author_or_404(request.user)
        return view(request, *args, **kwargs)
    return wrapped


def unified(mine, theirs, name):
    return "".join(difflib.unified_diff(theirs.splitlines(keepends=True), mine.splitlines(keepends=True),
                                        fromfile=f"{name} (en disco)", tofile=f"{name} (tu versión)"))


def conflict_context(conflict):
    return [{"name": name, "mine": conflict.mine.get(name, ""), "theirs": conflict.theirs.get(name, ""),
             "diff": unified(conflict.mine.get(name, ""), conflict.theirs.get(name, ""), name)}
            for name in conflict.changed()]


def document_or_404(uuid):
    row = publishing.document_for(uuid)
    if row is None or not row.source_path:
        raise Http404
    return row


def exercise_or_404(uuid):
    exercise = Exercise.objects.select_related("lesson__course").filter(uuid=uuid, kind=Exercise.CODE).first()
    if exercise is None or not exercise.source_path:
        raise Http404
    return exercise


def item_or_404(uuid):
    """A lesson or page, or an exercise of either kind: what the history view and restore address."""
    row = publishing.document_for(uuid) or Exercise.objects.filter(uuid=uuid).first()
    if row is None or not row.source_path:
        raise Http404
    return row


def quiz_or_404(uuid):
    quiz = Exercise.objects.select_related("lesson__course").filter(uuid=uuid, kind=Exercise.QUIZ).first()
    if quiz is None or not quiz.source_path:
        raise Http404
    return quiz


def open_or_404(opener, row):
    try:
        return opener(row)
    except (files.UnsafePath, FileNotFoundError):
        raise Http404 from None


@authoring
@require_GET
def index(request):
    return render(request, "studio/index.html", tree.course_tree(request.GET.get("q", "").strip()))


@authoring
def edit_document(request, uuid):
    row = document_or_404(uuid)
    text, disk_hash = open_or_404(publishing.open_document, row)
    try:
        document = files.parse_document(text)
    except files.InvalidContent as error:
        return render(request, "studio/conflict.html", {"row": row, "broken": True, "error": str(error),
                                                        "mine": text, "disk_hash": disk_hash})
    if request.method != "POST":
        return render_document(request, row, DocumentForm.for_document(document, disk_hash))
    form = DocumentForm(request.POST)
    if not form.is_valid():
        return render_document(request, row, form)
    new_text = form.compose(text)
    return save_document(request, row, new_text, form.cleaned_data["base_hash"], form.cleaned_data["message"],
                         lambda error: render_document(request, row, form, error))


@authoring
@require_POST
def resolve_document(request, uuid):
    """Saves the file as the author settled it after a conflict (their version, or one merged by hand)."""
    row = document_or_404(uuid)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        raise Http404
    text = form.cleaned_data["text"].replace("\r\n", "\n")
    return save_document(request, row, text, form.cleaned_data["base_hash"], "",
                         lambda error: render_conflict(request, row, {files.item_path(row.source_path)[1].name: text},
                                                       error))


def save_document(request, row, text, base_hash, message, on_error):
    try:
        saved = publishing.save_document(row, request.user, text, base_hash, message)
    except publishing.Conflict as conflict:
        return render(request, "studio/conflict.html", {"row": row, "files": conflict_context(conflict),
                                                        "mine": next(iter(conflict.mine.values())),
                                                        "disk_hash": conflict.disk_hash}, status=409)
    except files.InvalidContent as error:
        return on_error(str(error))
    except files.UnsafePath:
        raise Http404 from None
    tasks.enqueue_block_run(saved.block_run)
    warn_about_git(request, saved)
    if saved.commit:
        messages.success(request, _("Guardado en los archivos y registrado en git (%(sha)s).")
                         % {"sha": saved.commit[:8]})
    elif saved.notes:
        messages.info(request, _("No había cambios que guardar."))
    else:
        messages.success(request, _("Guardado en los archivos."))
    runs = f"?bloques={saved.block_run.pk}" if saved.block_run else ""
    return redirect(reverse("studio:document", args=[row.uuid]) + runs)


def warn_about_git(request, saved):
    if saved.git_error:
        messages.warning(request, _("Guardado en los archivos, pero git no registró el cambio: %(error)s")
                         % {"error": saved.git_error})


def render_conflict(request, row, mine, error):
    text, disk_hash = publishing.open_document(row)
    conflict = publishing.Conflict(mine, {next(iter(mine)): text}, disk_hash)
    return render(request, "studio/conflict.html", {"row": row, "files": conflict_context(conflict), "error": error,
                                                    "mine": next(iter(mine.values())), "disk_hash": disk_hash},
                  status=400)


def render_document(request, row, form, error=""):
    is_lesson = isinstance(row, Lesson)
    run = None
    if is_lesson:
        run_id = request.GET.get("bloques")
        runs = BlockRun.objects.filter(lesson=row)
        run = (runs.filter(pk=run_id).first() if run_id and is_uuid(run_id) else None) or runs.first()
    return render(request, "studio/document.html", {
        "row": row, "form": form, "error": error, "is_lesson": is_lesson, "run": run,
        "public_url": row.get_absolute_url(),
        "has_history": history.work_tree(files.item_path(row.source_path)[1]) is not None,
    }, status=400 if error or form.errors else 200)


def is_uuid(text):
    try:
        return bool(uuid_module.UUID(text))
    except ValueError:
        return False


@authoring
@require_POST
def preview(request):
    """The same pipeline as the lesson page (code, admonitions, tables, runnable blocks), for the live preview.
    Its size is bounded by the platform's request cap (MAX_REQUEST_BYTES), like every other body."""
    body, toc = render_markdown(request.POST.get("markdown", ""))
    return JsonResponse({"html": body, "toc": toc})


@authoring
@require_GET
def block_run(request, run_id):
    run = BlockRun.objects.filter(pk=run_id).first()
    if run is None:
        raise Http404
    return JsonResponse({"status": run.status, "label": BLOCK_RUN_LABELS[run.status], "results": run.results,
                         "total": len(run.blocks)})


@authoring
def edit_exercise(request, uuid):
    exercise = exercise_or_404(uuid)
    current, base_hash, draft = open_or_404(publishing.working_copy, exercise)
    if request.method != "POST":
        return render_exercise(request, exercise, ExerciseForm.for_files(current, base_hash), current, draft)
    form = ExerciseForm(request.POST)
    new_files = form.build(current, request.POST) if form.is_valid() else None
    if new_files is None:
        return render_exercise(request, exercise, form, current, draft, status=400)
    try:
        draft = publishing.save_draft(exercise, request.user, new_files, form.cleaned_data["base_hash"])
    except files.InvalidContent as error:
        return render_exercise(request, exercise, form, new_files, draft, error=str(error), status=400)
    if request.POST.get("action") == "validate":
        draft = publishing.queue_validation(draft)
        tasks.enqueue_validation(draft)
        messages.info(request, _("Borrador guardado. Validando en el sandbox: la solución debe pasar y cada intento "
                                 "erróneo debe fallar."))
    else:
        messages.success(request, _("Borrador guardado. Los alumnos siguen viendo la versión publicada."))
    return redirect("studio:exercise", exercise.uuid)


def render_exercise(request, exercise, form, current, draft, error="", status=200):
    published = open_or_404(publishing.published_files, exercise)
    changes = [{"name": name, "diff": unified(current.get(name, ""), published.get(name, ""), name)}
               for name in sorted(set(current) | set(published)) if current.get(name) != published.get(name)]
    stale = draft is not None and draft.base_hash != files.digest(published)
    return render(request, "studio/exercise.html", {
        "exercise": exercise, "form": form, "draft": draft, "error": error, "changes": changes, "stale": stale,
        "wrong": sorted(files.wrong_attempts(current).items()), "can_publish": draft and publishing.can_publish(draft),
        "has_history": history.work_tree(publishing.exercise_folder(exercise)[1]) is not None,
    }, status=status)


@authoring
@require_GET
def exercise_status(request, uuid):
    exercise = exercise_or_404(uuid)
    draft = AuthorDraft.objects.filter(exercise=exercise).first()
    if draft is None:
        return JsonResponse({"status": "published", "label": _("Publicado"), "problems": [], "can_publish": False})
    return JsonResponse({"status": draft.status, "label": draft.get_status_display(), "problems": draft.problems,
                         "can_publish": publishing.can_publish(draft)})


@authoring
@require_POST
def publish_exercise(request, uuid):
    exercise = exercise_or_404(uuid)
    draft = AuthorDraft.objects.filter(exercise=exercise).first()
    if draft is None:
        raise Http404
    action = request.POST.get("action", "publish")
    if action == "discard":
        publishing.discard_draft(exercise)
        messages.info(request, _("Borrador descartado: el editor muestra la versión publicada."))
        return redirect("studio:exercise", exercise.uuid)
    if action == "merge":
        published = publishing.published_files(exercise)
        AuthorDraft.objects.filter(pk=draft.pk).update(base_hash=files.digest(published), status=Status.EDITING,
                                                       validated_hash="")
        messages.info(request, _("Fusiona a mano: el editor muestra tu borrador y, debajo, en qué se diferencia de "
                                 "lo publicado. Valida de nuevo antes de publicar."))
        return redirect("studio:exercise", exercise.uuid)
    try:
        saved = publishing.publish(draft, request.user, keep_mine=action == "keep-mine")
    except publishing.NotProven:
        messages.error(request, _("Publicación rechazada: el borrador no ha superado la validación en el sandbox."))
        return redirect("studio:exercise", exercise.uuid)
    except publishing.Conflict as conflict:
        return render(request, "studio/exercise_conflict.html", {"exercise": exercise,
                                                                 "files": conflict_context(conflict)}, status=409)
    except files.InvalidContent as error:
        messages.error(request, _("No se pudo publicar: %(error)s") % {"error": error})
        return redirect("studio:exercise", exercise.uuid)
    warn_about_git(request, saved)
    messages.success(request, _("Publicado. Los alumnos ya ven esta versión.") +
                     (f" (git {saved.commit[:8]})" if saved.commit else ""))
    return redirect("studio:exercise", exercise.uuid)


@authoring
@require_GET
def item_history(request, uuid):
    row = item_or_404(uuid)
    path = open_or_404(history_path, row)
    versions = history.versions(path)
    for version in versions:
        version.diff = history.diff(path, version.sha)
    return render(request, "studio/history.html", {"row": row, "versions": versions,
                                                   "is_exercise": isinstance(row, Exercise),
                                                   "in_git": history.work_tree(path) is not None})


def history_path(row):
    return publishing.exercise_folder(row)[1] if isinstance(row, Exercise) else files.item_path(row.source_path)[1]


@authoring
@require_POST
def restore(request, uuid):
    row = item_or_404(uuid)
    sha = request.POST.get("sha", "")
    try:
        if isinstance(row, Exercise) and row.kind == Exercise.QUIZ:
            warn_about_git(request, publishing.restore_quiz(row, request.user, sha))
            messages.success(request, _("Versión %(sha)s restaurada en un nuevo commit.") % {"sha": sha[:8]})
            return redirect("studio:quiz", row.uuid)
        if isinstance(row, Exercise):
            publishing.restore_exercise(row, request.user, sha)
            messages.info(request, _("La versión %(sha)s es ahora tu borrador: valídala para publicarla.")
                          % {"sha": sha[:8]})
            return redirect("studio:exercise", row.uuid)
        saved = publishing.restore_document(row, request.user, sha)
    except (history.GitError, KeyError, files.UnsafePath):
        raise Http404 from None
    except publishing.Conflict:
        messages.error(request, _("Los archivos cambiaron en el disco mientras restaurabas: vuelve a intentarlo."))
        return redirect("studio:history", row.uuid)
    except files.InvalidContent as error:
        messages.error(request, _("No se pudo restaurar: %(error)s") % {"error": error})
        return redirect("studio:history", row.uuid)
    tasks.enqueue_block_run(saved.block_run)
    messages.success(request, _("Versión %(sha)s restaurada en un nuevo commit.") % {"sha": sha[:8]})
    return redirect("studio:document", row.uuid)


@authoring
def edit_quiz(request, uuid):
    """A quiz runs no code, so saving publishes at once, after the loader's own quiz rules accept it."""
    quiz = quiz_or_404(uuid)
    current = open_or_404(publishing.published_files, quiz)
    if request.method != "POST":
        return render_quiz(request, quiz, QuizForm.for_files(current, files.digest(current)))
    form = QuizForm(request.POST)
    if not form.is_valid():
        return render_quiz(request, quiz, form, status=400)
    try:
        saved = publishing.save_quiz(quiz, request.user, form.spec_text(current), form.cleaned_data["base_hash"])
    except publishing.Conflict as conflict:
        data = request.POST.copy()
        data["base_hash"] = conflict.disk_hash
        form = QuizForm(data)
        form.is_valid()
        return render_quiz(request, quiz, form, conflict=conflict_context(conflict), status=409)
    except files.InvalidContent as error:
        return render_quiz(request, quiz, form, error=str(error), status=400)
    warn_about_git(request, saved)
    if saved.notes:
        messages.info(request, _("No había cambios que guardar."))
    else:
        messages.success(request, _("Test guardado y publicado."))
    return redirect("studio:quiz", quiz.uuid)


def render_quiz(request, quiz, form, error="", conflict=None, status=200):
    return render(request, "studio/quiz.html", {
        "exercise": quiz, "form": form, "error": error, "conflict": conflict,
        "has_history": history.work_tree(publishing.exercise_folder(quiz)[1]) is not None}, status=status)
