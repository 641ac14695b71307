"""The life of a submission: created → queued → running (attempt k) → exactly one terminal state.

The database row is the truth. A worker claims a row with a conditional update and a fresh token; only the
holder of the current token can write the terminal result, so a duplicate delivery never yields a second result.
"""
import logging
import socket
import threading
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from courses import progress

from . import live
from .jobs import build_job
from .models import TERMINAL, Mode, Status, Submission
from .sandbox import get_sandbox

log = logging.getLogger(__name__)
QUEUED_GRACE = timedelta(seconds=120)
LEASE = timedelta(seconds=30)
HEARTBEAT_SECONDS = 10
BUSY = "busy"


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
    return build_job(submission.pk, submission.mode, submission.code, exercise=submission.exercise,
                     queue=submission.queue)


class Heartbeat(threading.Thread):
    """Keeps this attempt's lease alive while the sandbox runs; a dead worker's lease lapses within LEASE."""

    def __init__(self, submission_id, token):
        super().__init__(daemon=True)
        self.submission_id, self.token = submission_id, token
        self.stopped = threading.Event()

    def run(self):
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
    graded = submission.mode == Mode.SUBMIT
    if not graded and status in (Status.PASSED, Status.FAILED):
        status = Status.COMPLETED
    score = result.get("score") if graded else None
    max_score = result.get("max_score") if graded else None
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
        if graded:
            report_verdict(submission)
    return submission


def report_verdict(submission):
    """Tells `courses` how a graded attempt ended, through its one door."""
    progress.record_attempt(progress.Attempt(
        id=submission.pk, user=submission.user, exercise=submission.exercise, status=submission.status,
        score=submission.score, max_score=submission.max_score, checks=submission.checks, error=submission.error,
        at=submission.finished_at))


def sweep(sandbox=None):
    """Periodic: finds rows stuck in queued or whose lease lapsed, and removes orphaned containers.

    Returns counts and `to_enqueue`, the (id, queue) pairs the caller must put back on their queues.
    """
    now = timezone.now()
    to_enqueue = []
    for row in Submission.objects.filter(status=Status.QUEUED, enqueued_at__lt=now - QUEUED_GRACE):
        if Submission.objects.filter(pk=row.pk, status=Status.QUEUED).update(enqueued_at=now):
            to_enqueue.append((str(row.pk), row.queue))
    requeued = len(to_enqueue)
    stale = 0
    for row in Submission.objects.filter(status=Status.RUNNING, lease_until__lt=now):
        if row.attempts >= settings.SANDBOX_MAX_ATTEMPTS:
            give_up(row, "La ejecución se interrumpió demasiadas veces.")
        else:
            to_enqueue.append((str(row.pk), row.queue))
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
    return {"requeued": requeued, "stale": stale, "reaped": reaped, "to_enqueue": to_enqueue}
