"""Quizzes are graded on the server, without the sandbox; the answer key never reaches the page.

Nor does it leak one option at a time: a failed attempt says how many questions were right, never which, and
shows no explanation (an explanation says whether the option was right); a passed attempt shows every
explanation and the correct options. Attempts per quiz are limited per hour, so varying one answer at a time
to read the score is slow.
"""
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import progress
from .models import QuizAttempt
from .verdicts import Verdict

MAX_ATTEMPTS_PER_HOUR = 6


class InvalidAnswers(Exception):
    """The answers do not fit the quiz (wrong count, unknown options)."""


class TooManyAttempts(Exception):
    """The student has used this hour's attempts at this quiz; `retry_after` is in seconds."""

    def __init__(self, retry_after):
        super().__init__(f"Has agotado los {MAX_ATTEMPTS_PER_HOUR} intentos de esta hora en este test. "
                         "Repasa la lección y vuelve a intentarlo más tarde.")
        self.retry_after = retry_after


@dataclass
class QuizResult:
    checks: list
    score: float
    max_score: float

    @property
    def passed(self):
        return all(check["passed"] for check in self.checks)

    @property
    def correct_count(self):
        return sum(check["passed"] for check in self.checks)


def public_questions(exercise):
    """What the page may show: prompts and option texts, no correctness, no explanations."""
    return [{"prompt": q["prompt"], "multiple": bool(q.get("multiple")),
             "options": [o["text"] for o in q["options"]]} for q in exercise.quiz]


def grade(exercise, answers):
    questions = exercise.quiz
    if not isinstance(answers, list) or len(answers) != len(questions):
        raise InvalidAnswers(f"Se esperaban respuestas para {len(questions)} preguntas.")
    checks = []
    for number, (question, chosen) in enumerate(zip(questions, answers), 1):
        if not isinstance(chosen, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in chosen):
            raise InvalidAnswers(f"La respuesta a la pregunta {number} debe ser una lista de opciones.")
        options = question["options"]
        if any(i < 0 or i >= len(options) for i in chosen) or len(set(chosen)) != len(chosen):
            raise InvalidAnswers(f"La pregunta {number} no tiene esas opciones.")
        if not question.get("multiple") and len(chosen) > 1:
            raise InvalidAnswers(f"La pregunta {number} admite una sola respuesta.")
        correct = {i for i, option in enumerate(options) if option.get("correct")}
        explanations = [options[i].get("explanation", "") for i in sorted(chosen)]
        passed = set(chosen) == correct
        message = " ".join(e for e in explanations if e)
        if not passed and not chosen:
            message = "No has elegido ninguna opción."
        checks.append({"name": question["prompt"], "passed": passed, "message": message,
                       "points": 0, "max_points": 0, "chosen": sorted(chosen),
                       "correct": sorted(correct) if passed else None})
    per_question = exercise.points / len(questions) if questions else 0
    for check in checks:
        check["max_points"] = round(per_question, 2)
        check["points"] = round(per_question, 2) if check["passed"] else 0
    score = round(sum(c["points"] for c in checks), 2)
    return QuizResult(checks, score, float(exercise.points))


def submit(user, exercise, answers):
    """Grades a quiz attempt at once and records it; raises InvalidAnswers or TooManyAttempts."""
    since = timezone.now() - timedelta(hours=1)
    recent = list(QuizAttempt.objects.filter(user=user, exercise=exercise, created_at__gte=since)
                  .exclude(status=Verdict.PASSED).values_list("created_at", flat=True)[:MAX_ATTEMPTS_PER_HOUR])
    if len(recent) >= MAX_ATTEMPTS_PER_HOUR:
        retry_after = (min(recent) + timedelta(hours=1) - timezone.now()).total_seconds()
        raise TooManyAttempts(max(1, int(retry_after)))
    result = grade(exercise, answers)
    with transaction.atomic():
        attempt = QuizAttempt.objects.create(
            user=user, exercise=exercise, answers=answers, checks=result.checks, score=result.score,
            max_score=result.max_score, status=Verdict.PASSED if result.passed else Verdict.FAILED)
        progress.record_attempt(progress.Attempt(
            id=attempt.id, user=user, exercise=exercise, status=attempt.status, score=attempt.score,
            max_score=attempt.max_score, checks=attempt.checks, at=attempt.created_at))
    return attempt, result


def feedback(attempt, result):
    """What the student sees of an attempt: everything once passed; only the count of right answers before."""
    shown = {"id": attempt.id, "status": attempt.status, "score": attempt.score, "max_score": attempt.max_score,
             "correct": result.correct_count, "questions": len(result.checks)}
    if attempt.status == Verdict.PASSED:
        shown["checks"] = result.checks
    else:
        shown["checks"] = []
        shown["message"] = (f"Has acertado {result.correct_count} de {len(result.checks)} preguntas. "
                            "Revisa las que dudes y vuelve a intentarlo: al superarlo verás cada explicación.")
    return shown
