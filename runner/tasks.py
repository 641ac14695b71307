from celery import shared_task

from . import lifecycle


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True, max_retries=20)
def execute_submission(self, submission_id):
    if lifecycle.execute(submission_id) == lifecycle.BUSY:
        # Another delivery holds a live lease: look again once it would have lapsed.
        raise self.retry(countdown=lifecycle.LEASE.total_seconds() + 1)


@shared_task(ignore_result=True)
def sweep():
    return lifecycle.sweep()
