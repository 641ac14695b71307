"""The Celery app. Submissions run on the `cpu` or `gpu` queue; one periodic sweeper keeps rows honest."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("platform")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_default_queue="cpu",
    # The sandbox enforces each job's wall clock itself; these only catch a worker that hangs around it.
    task_soft_time_limit=300,
    task_time_limit=360,
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
    beat_schedule={
        "sweep-submissions": {"task": "runner.tasks.sweep", "schedule": 30.0, "options": {"queue": "cpu"}},
    },
)
app.autodiscover_tasks()
