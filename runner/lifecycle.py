"""The life of a submission: created → queued → running (attempt k) → exactly one terminal state.

The database row is the truth. A worker claims a row with a conditional update and a fresh token; only the
holder of the current token can write the terminal result, so a duplicate delivery never yields a second result.
"""
import logging
import socket
import threading
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from courses import progress

from . import live, results, routing
from .jobs import build_job
from .models import TERMINAL, Mode, Status, Submission
from .sandbox import Outcome, get_sandbox

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=30)
HEARTBEAT_SECONDS = 10
BUSY = "busy"
RETRY = "retry"


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
    """Runs one claimed submission to exactly one terminal state.

    Nothing the student's program does can make this raise: its output is cleaned before it is stored, and a
    failure to store the full result still stores the verdict. Only a platform that cannot start the sandbox
    at all hands the row back to the queue (RETRY), until the attempts run out.
    """
    claimed = claim(submission_id)
    if claimed is None or claimed == BUSY:
        return claimed
    submission, token = claimed
    heartbeat = Heartbeat(submission.pk, token)
    heartbeat.start()
    try:
        outcome = run_in_sandbox(submission, sandbox or get_sandbox())
    except Exception:
        log.exception("submission %s: the sandbox could not run it; it goes back to the queue", submission.pk)
        release(submission, token)
        return RETRY
    finally:
        heartbeat.stopped.set()
    for line in outcome.diagnostics:
        log.warning("submission %s: sandbox diagnostics: %s", submission.pk, line)
    finished = finish_safely(submission, token, outcome)
    live.publish(submission.pk, {"event": "status", "status": finished.status if finished else "unknown"})
    return finished


def run_in_sandbox(submission, sandbox):
    live.publish(submission.pk, {"event": "status", "status": Status.RUNNING})
    if hasattr(sandbox, "remove_for"):
        sandbox.remove_for(submission.pk)  # a container left by an attempt whose worker died
    return sandbox.run(job_for(submission), on_event=lambda event: live.publish(submission.pk, event))


def release(submission, token):
    """Hands a claimed row back to the queue after a platform failure, or gives up once attempts run out."""
    if submission.attempts >= settings.SANDBOX_MAX_ATTEMPTS:
        give_up(submission, "La plataforma no pudo ejecutar el código tras varios intentos.")
        return
    Submission.objects.filter(pk=submission.pk, status=Status.RUNNING, claim_token=token).update(
        status=Status.QUEUED, claim_token=None, lease_until=None, enqueued_at=timezone.now())


# Pauses between attempts to store a verdict while the database is away (a restart takes a few seconds).
DATABASE_RETRY_PAUSES = (0, 1, 2, 4, 8)


def finish_safely(submission, token, outcome):
    """`finish`, retried while the database comes back; if the full result still cannot be stored, the verdict
    alone (counted in the student's progress if that can be written). The row never stays running: a database
    that stays away longer leaves it to the sweeper, whose next attempt stores the verdict once."""
    for pause in DATABASE_RETRY_PAUSES:
        time.sleep(pause)
        try:
            return finish(submission, token, outcome)
        except (OperationalError, InterfaceError) as exc:
            log.warning("submission %s: the database is unreachable (%s); trying again", submission.pk, exc)
            if not connection.in_atomic_block:  # a broken connection is replaced by the next query
                connection.close_if_unusable_or_obsolete()
        except Exception:
            log.exception("submission %s: the full result could not be stored; storing the verdict alone",
                          submission.pk)
            break
    result = outcome.result if isinstance(outcome.result, dict) else {}
    bare = Outcome({"status": result.get("status"), "score": result.get("score"), "max_score": result.get("max_score"),
                    "message": "El resultado completo no se pudo guardar."}, image=outcome.image,
                   device=outcome.device)
    for report in (True, False):  # the verdict counted in progress, else the verdict alone
        try:
            return finish(submission, token, bare, report=report)
        except Exception:
            log.exception("submission %s: the verdict could not be stored (report=%s)", submission.pk, report)
    try:
        give_up(submission, "No se pudo guardar el resultado.")
    except Exception:  # the database is still away: the lease lapses and the sweeper runs it again
        log.exception("submission %s: left to the sweeper", submission.pk)
    return None


def finish(submission, token, outcome, report=True):
    """Writes the terminal result if this attempt still holds the claim; updates progress in the same transaction."""
    result = results.clean(outcome.result)
    status = result["status"]
    graded = submission.mode == Mode.SUBMIT
    if not graded and status in (Status.PASSED, Status.FAILED):
        status = Status.COMPLETED
    with transaction.atomic():
        updated = Submission.objects.filter(pk=submission.pk, status=Status.RUNNING, claim_token=token).update(
            status=status, score=result["score"] if graded else None,
            max_score=result["max_score"] if graded else None, checks=result["checks"],
            stdout=result["stdout"], stderr=result["stderr"], figures=result["figures"], error=result["exception"],
            message=result["message"], device=outcome.device, image=outcome.image, finished_at=timezone.now(),
            run_ms=result["run_ms"], duration_ms=result["duration_ms"], cpu_ms=result["cpu_ms"], warm=outcome.warm,
            claim_token=None,
        )
        if not updated:
            return None
        submission.refresh_from_db()
        if graded and report:
            report_verdict(submission)
    return submission


def report_verdict(submission):
    """Tells `courses` how a graded attempt ended, through its one door."""
    progress.record_attempt(progress.Attempt(
        id=submission.pk, user=submission.user, exercise=submission.exercise, status=submission.status,
        score=submission.score, max_score=submission.max_score, checks=submission.checks, error=submission.error,
        at=submission.finished_at))


def queued_grace():
    return timedelta(seconds=settings.SUBMISSION_QUEUED_GRACE_SECONDS)


def sweep(sandbox=None):
    """Periodic: finds rows stuck in queued or whose lease lapsed, and removes orphaned containers.

    Returns counts and `to_enqueue`, the (id, queue) pairs the caller must put back on their queues.
    """
    now = timezone.now()
    to_enqueue = []
    for row in (Submission.objects.filter(status=Status.QUEUED, enqueued_at__lt=now - queued_grace())
                .select_related("exercise")):
        queue = routing.queue_for_submission(row.exercise)  # an `any` row waiting on a GPU queue whose worker left
        if Submission.objects.filter(pk=row.pk, status=Status.QUEUED).update(enqueued_at=now, queue=queue):
            to_enqueue.append((str(row.pk), queue))
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
