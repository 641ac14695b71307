"""Thin tasks: take an id, call the domain. The web tier never starts a container; it only enqueues these."""
from celery import shared_task
from django.db import transaction

from runner.models import Queue
from runner.routing import queue_for

from . import publishing


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def validate_draft(draft_id):
    publishing.validate_draft(draft_id)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_blocks(run_id):
    publishing.run_blocks(run_id)


def enqueue_validation(draft):
    draft_id, queue = draft.pk, queue_for(publishing.proof_exercise(draft.exercise, draft.files))
    transaction.on_commit(lambda: validate_draft.apply_async(args=[draft_id], queue=queue))


def enqueue_block_run(run):
    if run is not None:
        run_id = str(run.pk)
        transaction.on_commit(lambda: run_blocks.apply_async(args=[run_id], queue=Queue.CPU))
