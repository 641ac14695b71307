"""The life of a submission: created → queued → running (attempt k) → exactly one terminal state.

The database row is the truth. A worker claims a row with a conditional update and a fresh token; only the
holder of the current token can write the terminal result, so a duplicate delivery never yields a second result.
"""
import json
import logging
import socket
import threading
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from courses import misconceptions, progress, quizzes

from . import live
from .models import TERMINAL, FailureSignature, Status, Submission
from .sandbox import Job, get_sandbox

log = logging.getLogger(__name__)
QUEUED_GRACE = timedelta(seconds=120)
LEASE = timedelta(seconds=30)
HEARTBEAT_SECONDS = 10
BUSY = "busy"


class SubmissionRejected(Exception):
    """The input cannot become a submission; the message says why, in Spanish."""


def create_submission(user, *, exercise, code, mode, idempotency_key=""):
    """Stores a queued submission and enqueues it once the transaction commits. Returns (submission, created)."""
    if mode == Submission.SUBMIT and (exercise is None or exercise.kind != exercise.CODE):
        raise SubmissionRejected("Para enviar a corrección hace falta un ejercicio de código.")
    if idempotency_key:
        existing = Submission.objects.filter(user=user, idempotency_key=idempotency_key).first()
        if existing:
            return existing, False
    queue = exercise.queue if exercise else "cpu"
    try:
        with transaction.atomic():
            submission = Submission.objects.create(user=user, exercise=exercise, code=code, mode=mode,
                                                   idempotency_key=idempotency_key or "", queue=queue,
                                                   enqueued_at=timezone.now())
            enqueue_on_commit(submission)
    except IntegrityError:
        return Submission.objects.get(user=user, idempotency_key=idempotency_key), False
    return submission, True


def record_quiz_attempt(user, exercise, answers):
    """Grades a quiz at once (no sandbox) and stores it like any other attempt."""
    result = quizzes.grade(exercise, answers)
    now = timezone.now()
    with transaction.atomic():
        submission = Submission.objects.create(
            user=user, exercise=exercise, mode=Submission.QUIZ, code=json.dumps(answers), queue="",
            status=Status.PASSED if result.passed else Status.FAILED, checks=result.checks, score=result.score,
            max_score=result.max_score, started_at=now, finished_at=now, run_ms=0, duration_ms=0)
        if result.passed:
            progress.record_exercise_passed(user, exercise)
        record_failure_signatures(submission)
    return submission


def enqueue_on_commit(submission):
    from .tasks import execute_submission

    submission_id, queue = str(submission.id), submission.queue
    transaction.on_commit(lambda: execute_submission.apply_async(args=[submission_id], queue=queue))


def claim(submission_id):
    """Marks the row running for this attempt, if nobody else holds a live claim.

    Returns (row, token); None when there is nothing to do; BUSY when another worker's lease is still alive.
    """
    now = timezone.now()
    token = uuid.uuid4()
    row = Submission.objects.select_related("exercise").filter(pk=submission_id).first()
    if row is None or row.status in TERMINAL:
        return None
    if row.attempts >= settings.SANDBOX_MAX_ATTEMPTS:
        give_up(row, "Se agotaron los intentos de ejecución.")
        return None
    claimable = Q(status=Status.QUEUED) | Q(status=Status.RUNNING, lease_until__lt=now)
    updated = Submission.objects.filter(claimable, pk=submission_id).update(
        status=Status.RUNNING, attempts=F("attempts") + 1, claim_token=token,
        lease_until=now + LEASE, started_at=now, worker=socket.gethostname()[:200],
    )
    if not updated:
        return BUSY if row.status == Status.RUNNING else None
    row.refresh_from_db()
    return row, token


def give_up(row, message):
    Submission.objects.filter(pk=row.pk).exclude(status__in=TERMINAL).update(
        status=Status.SYSTEM_ERROR, message=message, finished_at=timezone.now(), claim_token=None)


def job_for(submission):
    exercise = submission.exercise
    grading = submission.mode == Submission.SUBMIT
    return Job(
        submission_id=str(submission.id),
        mode=submission.mode,
        code=submission.code,
        checks=exercise.checks_code if grading else None,
        solution=exercise.solution_code if grading else None,
        time_limit=exercise.time_limit if exercise else settings.SANDBOX_TIME_LIMIT,
        memory_mb=exercise.memory_limit if exercise else settings.SANDBOX_MEMORY_MB,
        device="gpu" if submission.queue == "gpu" else "cpu",
        points=exercise.points if exercise else 0,
    )


class Heartbeat(threading.Thread):
    """Keeps this attempt's lease alive while the sandbox runs; a dead worker's lease lapses within LEASE."""

    def __init__(self, submission_id, token):
        super().__init__(daemon=True)
        self.submission_id, self.token = submission_id, token
        self.stopped = threading.Event()

    def run(self):
        from django.db import connection

        try:
            while not self.stopped.wait(HEARTBEAT_SECONDS):
                Submission.objects.filter(pk=self.submission_id, claim_token=self.token).update(
                    lease_until=timezone.now() + LEASE)
        finally:
            connection.close()


def execute(submission_id, sandbox=None):
    claimed = claim(submission_id)
    if claimed is None or claimed == BUSY:
        return claimed
    submission, token = claimed
    heartbeat = Heartbeat(submission.pk, token)
    heartbeat.start()
    try:
        sandbox = sandbox or get_sandbox()
        live.publish(submission.pk, {"event": "status", "status": Status.RUNNING})
        if hasattr(sandbox, "remove_for"):
            sandbox.remove_for(submission.pk)  # a container left by an attempt whose worker died
        outcome = sandbox.run(job_for(submission), on_event=lambda event: live.publish(submission.pk, event))
    finally:
        heartbeat.stopped.set()
    for line in outcome.diagnostics:
        log.warning("sandbox diagnostics for %s: %s", submission.pk, line)
    finished = finish(submission, token, outcome)
    live.publish(submission.pk, {"event": "status", "status": finished.status if finished else "unknown"})
    return finished


def finish(submission, token, outcome):
    """Writes the terminal result if this attempt still holds the claim; updates progress in the same transaction."""
    result = outcome.result
    status = result.get("status") if result.get("status") in TERMINAL else Status.SYSTEM_ERROR
    if submission.mode == Submission.RUN and status in (Status.PASSED, Status.FAILED):
        status = Status.COMPLETED
    score = result.get("score") if submission.mode == Submission.SUBMIT else None
    max_score = result.get("max_score") if submission.mode == Submission.SUBMIT else None
    with transaction.atomic():
        updated = Submission.objects.filter(pk=submission.pk, status=Status.RUNNING, claim_token=token).update(
            status=status, score=score, max_score=max_score, checks=result.get("checks") or [],
            stdout=result.get("stdout", ""), stderr=result.get("stderr", ""), figures=result.get("figures") or [],
            error=result.get("exception"), message=(result.get("message") or "")[:2000],
            device=outcome.device, image=outcome.image, finished_at=timezone.now(),
            run_ms=result.get("run_ms"), duration_ms=result.get("duration_ms"), claim_token=None,
        )
        if not updated:
            return None
        submission.refresh_from_db()
        if submission.status == Status.PASSED:
            progress.record_exercise_passed(submission.user, submission.exercise)
        record_failure_signatures(submission)
    return submission


def record_failure_signatures(submission):
    if submission.exercise_id is None or submission.mode == Submission.RUN or submission.status in (
            Status.PASSED, Status.COMPLETED):
        return
    failing = {c["name"] for c in submission.checks or [] if not c.get("passed")}
    FailureSignature.objects.bulk_create([
        FailureSignature(submission=submission, user_id=submission.user_id, exercise_id=submission.exercise_id,
                         signature=signature[:200], check_name=next((n for n in failing if n in signature), "")[:200])
        for signature in misconceptions.signatures(submission.status, submission.error, submission.checks)])


def sweep(sandbox=None):
    """Periodic: re-enqueue rows stuck in queued, reap stale running rows and orphaned containers."""
    now = timezone.now()
    requeued = 0
    for row in Submission.objects.filter(status=Status.QUEUED, enqueued_at__lt=now - QUEUED_GRACE):
        Submission.objects.filter(pk=row.pk, status=Status.QUEUED).update(enqueued_at=now)
        enqueue_on_commit(row)
        requeued += 1
    stale = 0
    for row in Submission.objects.filter(status=Status.RUNNING, lease_until__lt=now):
        if row.attempts >= settings.SANDBOX_MAX_ATTEMPTS:
            give_up(row, "La ejecución se interrumpió demasiadas veces.")
        else:
            enqueue_on_commit(row)
        stale += 1
    reaped = 0
    if sandbox is not None or settings.SANDBOX_BACKEND == "docker":
        try:
            sandbox = sandbox or get_sandbox()
            running = {str(pk) for pk in Submission.objects.filter(status=Status.RUNNING, lease_until__gte=now)
                       .values_list("pk", flat=True)}
            reaped = sandbox.reap_orphans(keep=running)
        except Exception as exc:  # the sweeper must keep sweeping rows even when Docker is away
            log.warning("could not reap containers: %s", exc)
    return {"requeued": requeued, "stale": stale, "reaped": reaped}
