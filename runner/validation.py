"""Proves the course content in the real sandbox: every reference solution passes, every known-wrong attempt
fails, and every runnable code block of the lessons runs without error."""
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.utils import timezone

from courses.models import Exercise, Lesson
from courses.rendering import runnable_blocks

from .jobs import build_job
from .models import Mode, Status
from .routing import queue_for
from .sandbox import get_sandbox

BLOCK_TIME_LIMIT = 30


@dataclass
class Report:
    exercises: int = 0
    solutions_passed: int = 0
    wrong_failed: int = 0
    blocks_ok: int = 0
    problems: list = field(default_factory=list)
    by_exercise: dict = field(default_factory=dict)

    def problem(self, text, exercise=None):
        self.problems.append(text)
        if exercise is not None:
            self.by_exercise.setdefault(exercise.pk, []).append(text)

    def line(self):
        return (f"{self.exercises} exercises: {self.solutions_passed} solutions pass, "
                f"{self.wrong_failed} wrong attempts fail, {len(self.problems)} problems")


def grading_job(exercise, code, label):
    return build_job(f"validate-{exercise.slug}-{label}", Mode.SUBMIT, code, exercise=exercise,
                     queue=queue_for(exercise))


def describe(result):
    failing = [f"{c['name']}: {c['message']}" for c in result.get("checks", []) if not c.get("passed")]
    detail = "; ".join(failing) or (result.get("stderr") or result.get("message") or "")[-600:]
    return f"{result.get('status')} ({detail})"


def matches(item, only):
    """`only` narrows a run to items whose slug or source path contains one of its strings."""
    return not only or any(text in item.slug or text in item.source_path for text in only)


def validate(exercises=None, include_blocks=True, sandbox=None, workers=2, progress=None, only=()):
    sandbox = sandbox or get_sandbox()
    exercises = [e for e in (exercises if exercises is not None else
                             Exercise.objects.filter(published=True, kind=Exercise.CODE).select_related("lesson"))
                 if matches(e, only)]
    report = Report(exercises=len(exercises))
    tasks = []
    for exercise in exercises:
        tasks.append(("solution", exercise, None, grading_job(exercise, exercise.solution_code, "solution")))
        if len(exercise.wrong_attempts) < 1:
            report.problem(f"{exercise.source_path}: no wrong/ attempts to prove the checks fail", exercise)
        for name, code in sorted(exercise.wrong_attempts.items()):
            if code.split() == exercise.solution_code.split():
                report.problem(f"{exercise.source_path}: wrong/{name} is the solution itself", exercise)
                continue
            tasks.append(("wrong", exercise, name, grading_job(exercise, code, name)))
    if include_blocks:
        for lesson in (lesson for lesson in Lesson.objects.all() if matches(lesson, only)):
            for number, code in enumerate(runnable_blocks(lesson.body_markdown), 1):
                job = build_job(f"validate-block-{lesson.slug}-{number}", Mode.RUN, code,
                                time_limit=BLOCK_TIME_LIMIT)
                tasks.append(("block", lesson, number, job))

    def run(task):
        """A job that ran out of time or lost its sandbox gets one more run: on a machine that is starting
        containers for other jobs at the same moment, that says more about the machine than about the content.
        A second timeout is reported."""
        result = sandbox.run(task[3]).result
        if result.get("status") in (Status.TIMEOUT, Status.SYSTEM_ERROR):
            result = sandbox.run(task[3]).result
        return task, result

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for (kind, item, name, _job), result in pool.map(run, tasks):
            status = result.get("status")
            if kind == "solution":
                if status == Status.PASSED:
                    report.solutions_passed += 1
                else:
                    report.problem(f"{item.source_path}: solution.py did not pass: {describe(result)}", item)
            elif kind == "wrong":
                if status in (Status.FAILED, Status.ERROR):
                    report.wrong_failed += 1
                else:
                    report.problem(f"{item.source_path}: wrong/{name} was not failed: {status}", item)
            elif status == Status.COMPLETED:
                report.blocks_ok += 1
            else:
                report.problem(f"{item.source_path}: runnable block {name}: {describe(result)}")
            if progress:
                progress(kind, item, name, status)
    now = timezone.now()
    for exercise in exercises:
        problems = report.by_exercise.get(exercise.pk, [])
        Exercise.objects.filter(pk=exercise.pk).update(validated_at=now, validation_ok=not problems,
                                                       validation_report="\n".join(problems))
    return report


def validate_by_ids(exercise_ids):
    """Validates the given code exercises only (what the admin's action asks for)."""
    exercises = Exercise.objects.filter(pk__in=exercise_ids, kind=Exercise.CODE).select_related("lesson")
    return validate(list(exercises), include_blocks=False)
