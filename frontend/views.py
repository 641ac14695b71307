from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.throttling import AnonRateThrottle

from courses import progress, quizzes, roles
from courses.authorizers import published_course_or_404
from courses.models import Course, ExerciseResult, Lesson, Page
from courses.rendering import MEDIA_SUFFIXES


def home(request):
    courses = Course.objects.filter(published=True)
    return render(request, "frontend/home.html", {"courses": courses})


def course_detail(request, course_slug):
    course = published_course_or_404(course_slug)
    units = course.units.prefetch_related("sections__lessons")
    return render(request, "frontend/course.html", {
        "course": course,
        "units": units,
        "pages": course.pages.all(),
        "progress": progress.course_progress(request.user, course),
        "resume": progress.continue_lesson(request.user, course),
        "exercises": progress.exercise_counts(request.user, course) if request.user.is_authenticated else None,
    })


def lesson_detail(request, course_slug, lesson_slug):
    course = published_course_or_404(course_slug)
    lesson = get_object_or_404(Lesson.objects.select_related("section__unit"), course=course, slug=lesson_slug)
    exercises = list(lesson.exercises.filter(published=True))
    for exercise in exercises:
        exercise.questions = quizzes.public_questions(exercise) if exercise.kind == exercise.QUIZ else []
    completed = False
    if request.user.is_authenticated:
        progress.record_view(request.user, lesson)
        completed = lesson.progress.filter(user=request.user, completed_at__isnull=False).exists()
        passed = progress.passed_exercise_ids(request.user, exercises)
        for exercise in exercises:
            exercise.passed = exercise.id in passed
            exercise.initial_code = progress.initial_code(request.user, exercise)
            exercise.revealed = progress.revealed_hints(request.user, exercise)
    else:
        for exercise in exercises:
            exercise.initial_code = exercise.starter_code
            exercise.revealed = []
    siblings = Lesson.objects.filter(course=course)
    return render(request, "frontend/lesson.html", {
        "course": course,
        "lesson": lesson,
        "exercises": exercises,
        "completed": completed,
        "previous": siblings.filter(position__lt=lesson.position).last(),
        "next": siblings.filter(position__gt=lesson.position).first(),
    })


MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp"}


def content_media(request, path):
    """Serves a lesson's image from the content folder: image files only, never code (solutions and checks
    live in the same folder), never outside it. SVG is served under a CSP that forbids scripts."""
    root = settings.CONTENT_DIR.resolve()
    target = (root / path).resolve()
    if (target.suffix.lower() not in MEDIA_SUFFIXES or not target.is_relative_to(root) or not target.is_file()
            or "exercises" in target.relative_to(root).parts):
        raise Http404
    response = FileResponse(target.open("rb"), content_type=MEDIA_TYPES[target.suffix.lower()])
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def page_detail(request, course_slug, page_slug):
    course = published_course_or_404(course_slug)
    page = get_object_or_404(Page, course=course, slug=page_slug)
    return render(request, "frontend/page.html", {"course": course, "page": page})


@login_required
@require_POST
def lesson_complete(request, course_slug, lesson_slug):
    course = published_course_or_404(course_slug)
    lesson = get_object_or_404(Lesson, course=course, slug=lesson_slug)
    if request.POST.get("undo"):
        progress.mark_incomplete(request.user, lesson)
    else:
        progress.mark_completed(request.user, lesson)
        messages.success(request, _("¡Lección completada!"))
    return redirect(lesson)


@login_required
def dashboard(request):
    courses = []
    for course in Course.objects.filter(published=True):
        report = progress.course_progress(request.user, course)
        units = [(unit, report["units"].get(unit.id)) for unit in course.units.all()]
        courses.append({"course": course, "progress": report["course"], "units": units,
                        "resume": progress.continue_lesson(request.user, course),
                        "exercises": progress.exercise_counts(request.user, course)})
    recent = (ExerciseResult.objects.filter(user=request.user).select_related("exercise__lesson__course")
              .order_by("-last_attempt_at")[:10])
    return render(request, "frontend/dashboard.html", {
        "courses": courses, "recent": recent,
        "memberships": request.user.memberships.select_related("classroom__course"),
    })


class SignupThrottle(AnonRateThrottle):
    """Sign-ups per client address (SIGNUP_RATE), counted in the shared cache like the API's limits."""

    scope = "signup"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def signup(request):
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and not SignupThrottle().allow_request(request, None):
        form.add_error(None, _("Se han creado demasiadas cuentas desde tu conexión. Inténtalo más tarde."))
        return render(request, "registration/signup.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        roles.grant(user, roles.STUDENT)
        login(request, user)
        messages.success(request, _("Cuenta creada. ¡Bienvenido al curso!"))
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


