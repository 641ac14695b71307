"""Creating a submission and putting it on its queue: the one place that enqueues work for the workers."""
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses import progress

from .models import Mode, Status, Submission
from .routing import queue_for_submission
from .tasks import execute_submission


class SubmissionRejected(Exception):
    """The input cannot become a submission; the message says why, in Spanish."""


class QueueFull(SubmissionRejected):
    """Its queue already holds `SUBMISSION_QUEUE_CAP` waiting submissions: the student tries again shortly."""

    retry_after_seconds = 15


def create_submission(user, *, exercise, code, mode, idempotency_key=""):
    """Stores a queued submission and enqueues it once the transaction commits. Returns (submission, created)."""
    if mode == Mode.SUBMIT and (exercise is None or exercise.kind != exercise.CODE):
        raise SubmissionRejected("Para enviar a corrección hace falta un ejercicio de código.")
    if idempotency_key:
        existing = Submission.objects.filter(user=user, idempotency_key=idempotency_key).first()
        if existing:
            return existing, False
    queue = queue_for_submission(exercise)
    if Submission.objects.filter(queue=queue, status=Status.QUEUED).count() >= settings.SUBMISSION_QUEUE_CAP:
        if exercise is not None:
            progress.save_draft(user, exercise, code)  # the code is kept even though the run is refused
        raise QueueFull("Hay demasiados envíos esperando corrección en este momento. Tu código está guardado: "
                        f"inténtalo de nuevo en {QueueFull.retry_after_seconds} segundos.")
    try:
        with transaction.atomic():
            submission = Submission.objects.create(user=user, exercise=exercise, code=code, mode=mode,
                                                   idempotency_key=idempotency_key or "",
                                                   queue=queue, enqueued_at=timezone.now())
            if exercise is not None:
                progress.save_draft(user, exercise, code)
            enqueue_on_commit(submission.pk, submission.queue)
    except IntegrityError:
        return Submission.objects.get(user=user, idempotency_key=idempotency_key), False
    return submission, True


def enqueue_on_commit(submission_id, queue):
    """Publishes after the commit. A broker that is down does not fail the request: the row is stored as queued,
    and the sweeper publishes it again once the broker is back (`robust` logs the error instead of raising)."""
    submission_id = str(submission_id)
    transaction.on_commit(lambda: execute_submission.apply_async(args=[submission_id], queue=queue), robust=True)
