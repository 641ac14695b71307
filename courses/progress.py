"""Progress of one student: lessons viewed and completed, exercises passed, percentages per section/unit/course.

A graded attempt reaches `courses` through one function, `record_attempt`, called by the runner when a code
submission has its final verdict and by the quiz grader when a quiz is answered. It keeps one `ExerciseResult`
per student and exercise, writes the attempt's failure signatures, and completes the lesson once all of its
exercises are passed, all in the caller's transaction.

Once that transaction has committed, `result_recorded` announces the updated result (the one signal of this app):
whoever reports grades elsewhere (the LTI gradebook passback) listens to it, so `courses` knows nothing of them.
"""
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone

from . import misconceptions
from .models import (
    Exercise,
    ExerciseDraft,
    ExerciseResult,
    FailureSignature,
    HintReveal,
    Lesson,
    LessonProgress,
)
from .verdicts import NOT_THE_STUDENTS, Verdict

logger = logging.getLogger(__name__)

# Sent once per recorded attempt, after the transaction that saved it commits, with `result` (the student's
# `ExerciseResult`, best score so far). Receivers run outside that transaction and cannot undo or block it.
result_recorded = Signal()


def record_view(user, lesson):
    LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    LessonProgress.objects.filter(user=user, lesson=lesson).update(last_viewed_at=timezone.now())


def mark_completed(user, lesson):
    row, _ = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    if row.completed_at is None:
        row.completed_at = timezone.now()
        row.save(update_fields=["completed_at"])
    return row


def mark_incomplete(user, lesson):
    LessonProgress.objects.filter(user=user, lesson=lesson).update(completed_at=None)


def passed_exercise_ids(user, exercises=None):
    rows = ExerciseResult.objects.filter(user=user, first_passed_at__isnull=False)
    if exercises is not None:
        rows = rows.filter(exercise__in=exercises)
    return set(rows.values_list("exercise_id", flat=True))


@dataclass
class Attempt:
    """What `courses` needs to know of a graded attempt that has ended; plain data, whoever graded it."""

    id: object
    user: object
    exercise: Exercise
    status: str
    score: float | None = None
    max_score: float | None = None
    checks: list | None = None
    error: dict | None = None
    at: object = None


def record_attempt(attempt):
    """The one door for a final verdict: updates the student's result, signatures and lesson completion.

    Platform failures (system errors, cancellations) are not the student's attempts and change nothing.
    """
    if attempt.exercise is None or attempt.status in NOT_THE_STUDENTS:
        return None
    at = attempt.at or timezone.now()
    passed = attempt.status == Verdict.PASSED
    with transaction.atomic():
        result, _ = ExerciseResult.objects.select_for_update().get_or_create(
            user=attempt.user, exercise=attempt.exercise,
            defaults={"first_attempt_at": at, "last_attempt_at": at})
        ExerciseResult.objects.filter(pk=result.pk).update(attempts=F("attempts") + 1)
        result.refresh_from_db()
        result.last_attempt_at = max(result.last_attempt_at, at)
        result.last_status = attempt.status
        result.max_score = attempt.max_score or result.max_score
        result.best_score = max(result.best_score, attempt.score or 0)
        if passed and result.first_passed_at is None:
            result.first_passed_at = at
            result.attempts_to_pass = result.attempts
        result.save(update_fields=["last_attempt_at", "last_status", "max_score", "best_score", "first_passed_at",
                                   "attempts_to_pass"])
        if passed:
            complete_lesson_if_all_passed(attempt.user, attempt.exercise)
        else:
            record_failure_signatures(attempt)
        transaction.on_commit(lambda: announce(result))
    return result


def announce(result):
    """Tells the receivers of `result_recorded`; one that fails is logged and never reaches the verdict."""
    for receiver, outcome in result_recorded.send_robust(sender=ExerciseResult, result=result):
        if isinstance(outcome, Exception):
            logger.error("result_recorded receiver %r failed: %r", receiver, outcome)


def record_failure_signatures(attempt):
    failing = {c["name"] for c in attempt.checks or [] if not c.get("passed")}
    FailureSignature.objects.bulk_create([
        FailureSignature(attempt_id=attempt.id, user=attempt.user, exercise=attempt.exercise,
                         signature=signature[:200], check_name=next((n for n in failing if n in signature), "")[:200])
        for signature in misconceptions.signatures(attempt.status, attempt.error, attempt.checks)])


def complete_lesson_if_all_passed(user, exercise):
    """A lesson whose graded exercises and quizzes are all passed counts as completed."""
    lesson = exercise.lesson
    required = set(lesson.exercises.filter(published=True).values_list("id", flat=True))
    if required <= passed_exercise_ids(user, required) | {exercise.id}:
        mark_completed(user, lesson)


@dataclass
class Percent:
    done: int
    total: int

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


def course_progress(user, course):
    """Returns {"course": Percent, "units": {unit_id: Percent}, "sections": {section_id: Percent},
    "completed": set of lesson ids} in three queries."""
    lessons = list(Lesson.objects.filter(course=course).values("id", "section_id", "section__unit_id"))
    completed = set()
    if user.is_authenticated:
        completed = set(LessonProgress.objects.filter(user=user, lesson__course=course, completed_at__isnull=False)
                        .values_list("lesson_id", flat=True))
    units, sections = {}, {}
    for lesson in lessons:
        for bucket, key in ((units, lesson["section__unit_id"]), (sections, lesson["section_id"])):
            entry = bucket.setdefault(key, Percent(0, 0))
            entry.total += 1
            entry.done += lesson["id"] in completed
    return {"course": Percent(len(completed & {lesson["id"] for lesson in lessons}), len(lessons)), "units": units,
            "sections": sections, "completed": completed}


def continue_lesson(user, course):
    """The lesson to resume: the one after the last completed, else the last viewed, else the first."""
    if user.is_authenticated:
        last = (LessonProgress.objects.filter(user=user, lesson__course=course)
                .select_related("lesson").order_by("-last_viewed_at").first())
        if last:
            if last.completed_at is None:
                return last.lesson
            following = Lesson.objects.filter(course=course, position__gt=last.lesson.position).first()
            return following or last.lesson
    return Lesson.objects.filter(course=course).first()


def exercise_counts(user, course):
    exercises = Exercise.objects.filter(lesson__course=course, published=True)
    return {"total": exercises.count(), "passed": len(passed_exercise_ids(user, exercises))}


def save_draft(user, exercise, code):
    ExerciseDraft.objects.update_or_create(user=user, exercise=exercise, defaults={"code": code})


def reveal_next_hint(user, exercise):
    """Reveals hints strictly in order; returns the list of hints revealed so far."""
    seen = HintReveal.objects.filter(user=user, exercise=exercise).count()
    if seen < len(exercise.hints):
        HintReveal.objects.get_or_create(user=user, exercise=exercise, index=seen)
        seen += 1
    return exercise.hints[:seen]


def revealed_hints(user, exercise):
    return exercise.hints[:HintReveal.objects.filter(user=user, exercise=exercise).count()]


def initial_code(user, exercise):
    """The draft (saved as the student types and with every run or submission), else the starter code."""
    draft = ExerciseDraft.objects.filter(user=user, exercise=exercise).only("code").first()
    return draft.code if draft is not None else exercise.starter_code
