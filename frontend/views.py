from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import progress, quizzes, roles
from courses.authorizers import published_course_or_404
from courses.models import Course, Lesson, Page
from runner.models import Submission


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
    recent = (Submission.objects.owned_by(request.user).exclude(exercise=None)
              .select_related("exercise__lesson__course")[:10])
    return render(request, "frontend/dashboard.html", {
        "courses": courses, "recent": recent,
        "memberships": request.user.memberships.select_related("classroom__course"),
    })


def signup(request):
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        roles.grant(user, roles.STUDENT)
        login(request, user)
        messages.success(request, _("Cuenta creada. ¡Bienvenido al curso!"))
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


