"""What instructors see about a class: the progress matrix, exercise statistics, misconceptions, activity.

Every function here works with a bounded number of queries whatever the class size; the Python side only
folds aggregated rows. The matrix and the statistics read `courses`' per-student results; the activity chart
and the drill-down also read the runner's submissions, which is why this lives with the presentation.
"""
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from courses.models import (
    Exercise,
    ExerciseResult,
    FailureSignature,
    HintReveal,
    Lesson,
    LessonProgress,
    QuizAttempt,
)
from courses.verdicts import Verdict
from runner.models import Mode, Submission

CELL_HTML = {"done": '<td class="cell done" title="superado"><span class="sr-only">superado</span></td>',
             "tried": '<td class="cell tried" title="intentado"><span class="sr-only">intentado</span></td>',
             "": '<td class="cell"><span class="sr-only">sin empezar</span></td>'}
STUCK_AFTER = 3
CELL_LABELS = {"done": "superado", "tried": "intentado", "": ""}


def course_exercises(course):
    return list(Exercise.objects.filter(lesson__course=course, published=True)
                .select_related("lesson").order_by("lesson__position", "order"))


@dataclass
class StudentRow:
    student: object
    url: str = ""
    cells: list = field(default_factory=list)
    passed: int = 0
    attempted: int = 0
    lessons_done: int = 0
    last_active: object = None
    stuck_on: list = field(default_factory=list)

    @property
    def cells_html(self):
        """The matrix row's cells, built here: 300 students × 45 exercises is too many template loop turns."""
        return mark_safe("".join(CELL_HTML[cell] for cell in self.cells))

    @property
    def inactive_days(self):
        if self.last_active is None:
            return None
        return (timezone.now() - self.last_active).days


def class_overview(classroom):
    """Students × exercises: 'done', 'tried' or '' per cell, with per-student totals."""
    exercises = course_exercises(classroom.course)
    students = list(classroom.students.order_by("username").only("id", "username", "first_name", "last_name",
                                                                "last_login"))
    ids = [s.id for s in students]
    by_cell = {(r.user_id, r.exercise_id): r for r in ExerciseResult.objects.filter(
        user_id__in=ids, exercise__lesson__course=classroom.course).only("user_id", "exercise_id", "attempts",
                                                                          "first_passed_at")}
    lessons_done = dict(LessonProgress.objects.filter(user_id__in=ids, lesson__course=classroom.course,
                                                      completed_at__isnull=False)
                        .values_list("user_id").annotate(n=Count("id")))
    last_seen = dict(LessonProgress.objects.filter(user_id__in=ids, lesson__course=classroom.course)
                     .values_list("user_id").annotate(last=Max("last_viewed_at")))
    last_attempt = dict(Submission.objects.filter(user_id__in=ids).values_list("user_id")
                        .annotate(last=Max("created_at")))
    last_result = dict(ExerciseResult.objects.filter(user_id__in=ids).values_list("user_id")
                       .annotate(last=Max("last_attempt_at")))
    rows = []
    for student in students:
        row = StudentRow(student, lessons_done=lessons_done.get(student.id, 0),
                         url=reverse("classroom-student", args=[classroom.pk, student.pk]))
        last = [last_seen.get(student.id), last_attempt.get(student.id), last_result.get(student.id)]
        for exercise in exercises:
            cell = by_cell.get((student.id, exercise.id))
            if cell is None:
                row.cells.append("")
                continue
            if cell.passed:
                row.cells.append("done")
                row.passed += 1
            else:
                row.cells.append("tried")
                if cell.attempts >= STUCK_AFTER:
                    row.stuck_on.append((exercise, cell.attempts))
            row.attempted += 1
        row.last_active = max((t for t in last if t), default=None)
        rows.append(row)
    total_lessons = Lesson.objects.filter(course=classroom.course).count()
    return {"exercises": exercises, "rows": rows, "total_lessons": total_lessons}


@dataclass
class ExerciseStats:
    exercise: object
    attempts: int = 0
    students: int = 0
    passed: int = 0
    median_attempts_to_pass: float | None = None
    median_minutes_to_pass: float | None = None
    hints: int = 0
    failing_checks: list = field(default_factory=list)

    @property
    def pass_rate(self):
        return round(100 * self.passed / self.students) if self.students else 0


def exercise_statistics(classroom):
    exercises = course_exercises(classroom.course)
    ids = list(classroom.memberships.values_list("student_id", flat=True))
    stats = {e.id: ExerciseStats(e) for e in exercises}
    attempts_to_pass, minutes_to_pass = defaultdict(list), defaultdict(list)
    for result in ExerciseResult.objects.filter(user_id__in=ids, exercise__in=exercises):
        item = stats[result.exercise_id]
        item.students += 1
        item.attempts += result.attempts
        if result.passed:
            item.passed += 1
            attempts_to_pass[result.exercise_id].append(result.attempts_to_pass)
            minutes_to_pass[result.exercise_id].append(
                (result.first_passed_at - result.first_attempt_at).total_seconds() / 60)
    hints = dict(HintReveal.objects.filter(user_id__in=ids, exercise__in=exercises)
                 .values_list("exercise_id").annotate(n=Count("id")))
    failing = defaultdict(list)
    for exercise_id, name, n in (FailureSignature.objects.filter(user_id__in=ids, exercise__in=exercises)
                                 .exclude(check_name="").values_list("exercise_id", "check_name")
                                 .annotate(n=Count("id")).order_by("-n")):
        failing[exercise_id].append((name, n))
    for exercise_id, item in stats.items():
        if attempts_to_pass[exercise_id]:
            item.median_attempts_to_pass = statistics.median(attempts_to_pass[exercise_id])
            item.median_minutes_to_pass = round(statistics.median(minutes_to_pass[exercise_id]), 1)
        item.hints = hints.get(exercise_id, 0)
        item.failing_checks = failing[exercise_id][:3]
    return list(stats.values())


def matrix_table(overview):
    """The progress matrix as rows of plain values (header first), for CSV downloads and the API alike."""
    table = [["alumno", "lecciones_completadas", "ejercicios_superados", "ejercicios_intentados",
              "ultima_actividad"] + [e.slug for e in overview["exercises"]]]
    for row in overview["rows"]:
        table.append([row.student.username, row.lessons_done, row.passed, row.attempted,
                      row.last_active.isoformat() if row.last_active else ""]
                     + [CELL_LABELS[cell] for cell in row.cells])
    return table


def statistics_table(stats):
    """Exercise statistics as rows of plain values (header first)."""
    table = [["ejercicio", "leccion", "intentos", "alumnos", "superados", "tasa_de_exito",
              "mediana_intentos_hasta_superar", "mediana_minutos_hasta_superar", "pistas_vistas",
              "comprobaciones_que_mas_fallan"]]
    for item in stats:
        table.append([item.exercise.slug, item.exercise.lesson.number, item.attempts, item.students, item.passed,
                      item.pass_rate, item.median_attempts_to_pass if item.median_attempts_to_pass else "",
                      item.median_minutes_to_pass if item.median_minutes_to_pass is not None else "",
                      item.hints, "; ".join(f"{name} ({n})" for name, n in item.failing_checks)])
    return table


def misconception_report(classroom, exercise=None):
    """Failed attempts grouped by error signature, with counts and one example attempt each."""
    ids = list(classroom.memberships.values_list("student_id", flat=True))
    rows = FailureSignature.objects.filter(user_id__in=ids, exercise__lesson__course=classroom.course)
    if exercise is not None:
        rows = rows.filter(exercise=exercise)
    grouped = list(rows.values("exercise__title", "signature").annotate(count=Count("id"), example=Max("id"))
                   .order_by("-count", "signature")[:30])
    examples = {row[0]: row[1:] for row in FailureSignature.objects.filter(id__in=[g["example"] for g in grouped])
                .values_list("id", "attempt_id", "user_id", "user__username")}
    return [{"exercise": g["exercise__title"], "signature": g["signature"], "count": g["count"],
             "example": examples[g["example"]][0], "student": examples[g["example"]][2],
             "example_url": reverse("classroom-student", args=[classroom.pk, examples[g["example"]][1]])}
            for g in grouped]


def activity(classroom, days=30):
    since = timezone.now() - timedelta(days=days)
    ids = list(classroom.memberships.values_list("student_id", flat=True))
    by_day = defaultdict(lambda: {"submissions": 0, "passes": 0})
    for rows in (Submission.objects.filter(user_id__in=ids, created_at__gte=since, exercise__isnull=False),
                 QuizAttempt.objects.filter(user_id__in=ids, created_at__gte=since)):
        for row in (rows.annotate(day=TruncDate("created_at")).values("day")
                    .annotate(submissions=Count("id"), passes=Count("id", filter=Q(status=Verdict.PASSED)))):
            by_day[row["day"]]["submissions"] += row["submissions"]
            by_day[row["day"]]["passes"] += row["passes"]
    labels, submissions, passes = [], [], []
    for offset in range(days, -1, -1):
        day = (timezone.now() - timedelta(days=offset)).date()
        labels.append(day.isoformat())
        submissions.append(by_day.get(day, {}).get("submissions", 0))
        passes.append(by_day.get(day, {}).get("passes", 0))
    return {"labels": labels, "submissions": submissions, "passes": passes}


def student_detail(classroom, student):
    exercises = course_exercises(classroom.course)
    attempts = defaultdict(list)
    for row in Submission.objects.filter(user=student, exercise__in=exercises, mode=Mode.SUBMIT):
        attempts[row.exercise_id].append(row)
    for row in QuizAttempt.objects.filter(user=student, exercise__in=exercises):
        attempts[row.exercise_id].append(row)
    for rows in attempts.values():
        rows.sort(key=lambda row: row.created_at)
    hints = Counter(HintReveal.objects.filter(user=student, exercise__in=exercises)
                    .values_list("exercise_id", flat=True))
    completed = LessonProgress.objects.filter(user=student, lesson__course=classroom.course,
                                              completed_at__isnull=False).count()
    return {"exercises": [(e, attempts.get(e.id, []), hints.get(e.id, 0)) for e in exercises],
            "lessons_done": completed, "total_lessons": Lesson.objects.filter(course=classroom.course).count(),
            "first_activity": Submission.objects.filter(user=student).aggregate(first=Min("created_at"))["first"]}
