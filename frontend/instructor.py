"""Instructor pages: classes, the progress matrix, exercise statistics, misconceptions, drill-down, CSV."""
import csv
import difflib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import enrolment, roles
from courses.authorizers import classroom_or_404, classrooms_visible_to, instructor_or_404, member_or_404
from courses.models import Classroom, ContentSync, Course, Exercise, Lesson

from . import dashboards


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name", "course"]
        labels = {"name": _("Nombre del grupo"), "course": _("Curso")}


def int_param(request, name, default, minimum, maximum):
    """A whole number from the query string; anything else (junk, out of range) falls back to the default."""
    try:
        value = int(request.GET.get(name, default))
    except (TypeError, ValueError):
        return default
    return value if minimum <= value <= maximum else default


@login_required
def classroom_list(request):
    instructor_or_404(request.user)
    form = ClassroomForm(request.POST or None, initial={"course": Course.objects.filter(published=True).first()})
    if request.method == "POST" and form.is_valid():
        classroom = form.save(commit=False)
        classroom.instructor = request.user
        classroom.save()
        messages.success(request, _("Grupo creado. Comparte el código %(code)s con tus alumnos.") %
                         {"code": classroom.join_code})
        return redirect(classroom)
    classrooms = classrooms_visible_to(request.user).select_related("course").prefetch_related("memberships")
    return render(request, "instructor/classrooms.html", {"classrooms": classrooms, "form": form})


@login_required
def classroom_overview(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    overview = dashboards.class_overview(classroom)
    inactive_days = int_param(request, "inactivos", default=7, minimum=1, maximum=365)
    return render(request, "instructor/overview.html", {
        "classroom": classroom, "overview": overview, "inactive_days": inactive_days,
        "inactive": [r for r in overview["rows"] if r.inactive_days is None or r.inactive_days >= inactive_days],
        "stuck": [r for r in overview["rows"] if r.stuck_on],
        "activity": dashboards.activity(classroom),
        "join_url": request.build_absolute_uri(f"/unirse/{classroom.join_code}/"),
    })


@login_required
def exercise_statistics(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    return render(request, "instructor/exercises.html", {
        "classroom": classroom, "stats": dashboards.exercise_statistics(classroom),
        "misconceptions": dashboards.misconception_report(classroom),
    })


@login_required
def student_detail(request, classroom_id, student_id):
    classroom = classroom_or_404(request.user, classroom_id)
    student = member_or_404(classroom, student_id)
    detail = dashboards.student_detail(classroom, student)
    exercises = []
    for exercise, attempts, hints in detail["exercises"]:
        diff = ""
        if exercise.kind == Exercise.CODE and len(attempts) >= 2:
            diff = "".join(difflib.unified_diff(
                attempts[-2].code.splitlines(True), attempts[-1].code.splitlines(True),
                fromfile=_("penúltimo intento"), tofile=_("último intento")))
        exercises.append((exercise, attempts, hints, diff))
    return render(request, "instructor/student.html", {"classroom": classroom, "student": student,
                                                       "detail": detail, "exercises": exercises})


def csv_response(table, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv.writer(response).writerows(table)
    return response


@login_required
def matrix_csv(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    return csv_response(dashboards.matrix_table(dashboards.class_overview(classroom)),
                        f"grupo-{classroom.pk}-progreso.csv")


@login_required
def statistics_csv(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    return csv_response(dashboards.statistics_table(dashboards.exercise_statistics(classroom)),
                        f"grupo-{classroom.pk}-ejercicios.csv")


@login_required
def join(request, code=""):
    code = enrolment.normalise_code(request.POST.get("code") or code)
    classroom = enrolment.classroom_for_code(code)
    if request.method == "POST" and classroom is not None:
        enrolment.join(request.user, classroom)
        messages.success(request, _("Te has unido al grupo «%(name)s».") % {"name": classroom.name})
        return redirect(classroom.course)
    if request.method == "POST":
        messages.error(request, _("No hay ningún grupo con ese código."))
    return render(request, "instructor/join.html", {"classroom": classroom, "code": code})


@login_required
@require_POST
def leave(request, classroom_id):
    if not enrolment.leave(request.user, classroom_id):
        raise Http404
    return redirect("dashboard")


@login_required
def content_health(request):
    """For admins: what the last sync reported, exercises that do not prove themselves, lessons without practice."""
    if not roles.is_admin(request.user):
        raise Http404
    return render(request, "instructor/health.html", {
        "last_sync": ContentSync.objects.first(),
        "failing": Exercise.objects.filter(published=True, validation_ok=False).select_related("lesson"),
        "unvalidated": Exercise.objects.filter(published=True, kind=Exercise.CODE, validated_at__isnull=True)
        .select_related("lesson"),
        "without_exercises": Lesson.objects.filter(exercises__isnull=True).order_by("position"),
        "exercise_count": Exercise.objects.filter(published=True).count(),
    })
