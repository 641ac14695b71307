"""Celery tasks: each takes ids and hands off to one domain function."""
from celery import shared_task
from celery.signals import worker_process_init, worker_process_shutdown, worker_ready, worker_shutdown
from django.conf import settings

from . import lifecycle, telemetry, validation
from .logs import submission_context
from .models import Submission
from .sandbox import get_sandbox

_heartbeats = []


@worker_ready.connect
def start_heartbeat(sender, **kwargs):
    """The worker's main process tells Redis, every few seconds, which queues it consumes (see telemetry)."""
    worker, queues = sender.hostname, sorted(sender.app.amqp.queues.consume_from)
    heartbeat = telemetry.Heartbeat(lambda: telemetry.beat(worker, queues), name="worker-heartbeat")
    heartbeat.leave = lambda: telemetry.leave(worker, queues)
    heartbeat.start()
    _heartbeats.append(heartbeat)


@worker_shutdown.connect
def stop_heartbeat(**kwargs):
    for heartbeat in _heartbeats:
        heartbeat.stopped.set()
        try:
            heartbeat.leave()
        except Exception:  # Redis may be the reason the worker stops; its entry then ages out
            pass


@worker_process_init.connect
def warm_up_sandboxes(**kwargs):
    """Each worker process fills its warm pools as soon as it starts, so the first job is already warm, and
    publishes their numbers for /metrics (the pools live here, not in the web process)."""
    if settings.SANDBOX_BACKEND == "docker" and settings.SANDBOX_POOL_SIZE:
        sandbox = get_sandbox()
        sandbox.start_pools(settings.SANDBOX_POOL_DEVICES)
        telemetry.Heartbeat(lambda: telemetry.publish_pools(sandbox.pools), name="pool-stats").start()


@worker_process_shutdown.connect
def drain_sandboxes(**kwargs):
    """A stopping worker process leaves no warm container behind."""
    if settings.SANDBOX_BACKEND == "docker" and settings.SANDBOX_POOL_SIZE:
        get_sandbox().stop_pools()


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True, max_retries=20)
def execute_submission(self, submission_id):
    with submission_context(submission_id):
        outcome = lifecycle.execute(submission_id)
        if isinstance(outcome, Submission):
            telemetry.record_verdict(outcome)
    if outcome == lifecycle.BUSY:
        # Another delivery holds a live lease: look again once it would have lapsed.
        raise self.retry(countdown=lifecycle.LEASE.total_seconds() + 1)
    if outcome == lifecycle.RETRY:
        telemetry.record_sandbox_failure((self.request.delivery_info or {}).get("routing_key") or "cpu")
        raise self.retry(countdown=5)


@shared_task(ignore_result=True)
def sweep():
    report = lifecycle.sweep()
    for submission_id, queue in report.pop("to_enqueue"):
        execute_submission.apply_async(args=[submission_id], queue=queue)
    return report


@shared_task(ignore_result=True)
def validate_exercises(exercise_ids):
    """The admin's "Validar en el sandbox": runs on a worker, never in the web process."""
    return validation.validate_by_ids(exercise_ids).line()
