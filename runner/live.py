"""Live events of a running submission (status changes, output lines), published through Redis.

Without Redis (the embedded development setup) publishing is a no-op and the page falls back to polling.
"""
import json
import logging

from django.conf import settings

log = logging.getLogger(__name__)
_client = None


def channel(submission_id):
    return f"submission:{submission_id}"


def redis_client():
    global _client
    if _client is None and settings.REDIS_URL:
        import redis

        _client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)
    return _client


def publish(submission_id, event):
    client = redis_client()
    if client is None:
        return
    try:
        client.publish(channel(submission_id), json.dumps(event, ensure_ascii=False))
    except Exception as exc:  # live output is a nicety; the stored result is the truth
        log.debug("live publish failed: %s", exc)
