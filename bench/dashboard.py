"""Server time and query count of the instructor dashboards on a realistic class.

Seeds a fresh database (a temporary SQLite file by default, or BENCH_DATABASE_URL, e.g. a scratch PostgreSQL
database) with the real course, 300 students and their lesson progress and attempts, then renders the class
overview and the exercise statistics several times and prints, for each, the median server time and the
number of queries:

    class overview: 123 ms, 9 queries
    exercise statistics: 88 ms, 7 queries

A benchmark, not a test.
"""
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
os.environ.setdefault("DEBUG", "1")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
os.environ["VAR_DIR"] = str(workdir)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses import misconceptions, roles  # noqa: E402
from courses.models import (  # noqa: E402
    Classroom,
    Course,
    Exercise,
    ExerciseResult,
    FailureSignature,
    HintReveal,
    Lesson,
    LessonProgress,
    Membership,
    QuizAttempt,
)
from courses.verdicts import Verdict  # noqa: E402
from runner.models import Mode, Submission  # noqa: E402

STUDENTS = 300
REPEATS = 7


def seed():
    call_command("migrate", "--noinput", verbosity=0)
    call_command("sync_content", verbosity=0)
    course = Course.objects.get(slug="pytorch-desde-cero")
    lessons = list(Lesson.objects.filter(course=course))
    exercises = list(Exercise.objects.filter(lesson__course=course, published=True))
    teacher = User.objects.create_user("bench-teacher", password="x")
    roles.grant(teacher, roles.INSTRUCTOR)
    classroom = Classroom.objects.create(course=course, instructor=teacher, name="Grupo grande")
    rng = random.Random(7)
    now = timezone.now()
    students = User.objects.bulk_create([User(username=f"alumno{i:03d}") for i in range(STUDENTS)])
    Membership.objects.bulk_create([Membership(classroom=classroom, student=s) for s in students])
    progress, attempts, quiz_attempts, results, signatures, hints = [], [], [], [], [], []
    checks = [{"name": "forma", "passed": False, "message": "`x` tiene forma (2, 3), se esperaba (3, 3)."},
              {"name": "valores", "passed": True, "message": ""}]
    shape_error = {"type": "RuntimeError", "message": "mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)"}
    for student in students:
        reached = rng.randint(0, len(lessons))
        for lesson in lessons[:reached]:
            progress.append(LessonProgress(user=student, lesson=lesson,
                                           completed_at=now - timedelta(days=rng.randint(0, 30))))
        for exercise in exercises:
            if rng.random() < 0.3:
                continue
            tries = rng.choice([1, 1, 2, 2, 3, 4, 6])
            passes = rng.random() < 0.75
            started = now - timedelta(days=rng.randint(0, 30), minutes=tries * 5)
            result = ExerciseResult(user=student, exercise=exercise, attempts=tries, max_score=10,
                                    first_attempt_at=started, last_attempt_at=started + timedelta(minutes=tries))
            for k in range(tries):
                last = k == tries - 1
                status = Verdict.PASSED if (passes and last) else rng.choice(
                    [Verdict.FAILED, Verdict.FAILED, Verdict.ERROR, Verdict.TIMEOUT])
                at = started + timedelta(minutes=k)
                row_checks = checks if status == Verdict.FAILED else []
                error = shape_error if status == Verdict.ERROR else None
                if exercise.kind == Exercise.QUIZ:
                    row = QuizAttempt(user=student, exercise=exercise, status=status, checks=row_checks,
                                      score=10 if status == Verdict.PASSED else 3, max_score=10)
                    quiz_attempts.append(row)
                else:
                    row = Submission(user=student, exercise=exercise, mode=Mode.SUBMIT, code="import torch\n" * 20,
                                     status=status, checks=row_checks, error=error, finished_at=at,
                                     score=10 if status == Verdict.PASSED else 3, max_score=10)
                    attempts.append(row)
                result.last_status, result.best_score = status, max(result.best_score, row.score)
                if status == Verdict.PASSED:
                    result.first_passed_at, result.attempts_to_pass = at, k + 1
                else:
                    signatures += [FailureSignature(attempt_id=row.id, user=student, exercise=exercise,
                                                    signature=signature,
                                                    check_name="forma" if "forma" in signature else "")
                                   for signature in misconceptions.signatures(status, error, row_checks)]
            results.append(result)
            if exercise.hints and rng.random() < 0.3:
                hints.append(HintReveal(user=student, exercise=exercise, index=0))
    LessonProgress.objects.bulk_create(progress, batch_size=5000)
    Submission.objects.bulk_create(attempts, batch_size=5000)
    QuizAttempt.objects.bulk_create(quiz_attempts, batch_size=5000)
    ExerciseResult.objects.bulk_create(results, batch_size=5000)
    FailureSignature.objects.bulk_create(signatures, batch_size=5000)
    HintReveal.objects.bulk_create(hints, batch_size=5000)
    for index, pk in enumerate(Submission.objects.values_list("pk", flat=True)):
        if index % 50 == 0:
            Submission.objects.filter(pk=pk).update(created_at=now - timedelta(days=index % 30))
    attempts += quiz_attempts
    print(f"seeded {STUDENTS} students, {len(lessons)} lessons, {len(exercises)} exercises, "
          f"{len(progress)} lesson completions, {len(attempts)} attempts, {len(hints)} hints "
          f"({connection.vendor})")
    return teacher, classroom


def measure(client, url):
    times, queries = [], 0
    for _ in range(REPEATS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        queries = len(captured.captured_queries)
    return statistics.median(times), queries


def main():
    teacher, classroom = seed()
    client = Client()
    client.force_login(teacher)
    for label, name in (("class overview", "classroom"), ("exercise statistics", "classroom-exercises")):
        ms, queries = measure(client, reverse(name, args=[classroom.pk]))
        print(f"{label}: {ms:.0f} ms, {queries} queries")


if __name__ == "__main__":
    main()
