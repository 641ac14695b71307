"""Celery tasks of the LTI tool: each takes ids and hands off to one domain function."""
import requests
from celery import shared_task
from pylti1p3.exception import LtiException

from . import grades


@shared_task(autoretry_for=(LtiException, requests.RequestException, OSError), retry_backoff=True,
             retry_backoff_max=600, max_retries=10)
def post_score(target_id):
    """Posts a student's best score to their LMS; an LMS that fails is retried with growing pauses."""
    grades.post_score(target_id)
