"""Live events of a running submission (status changes, output chunks), through Redis.

Each event is appended to a short-lived Redis list (so a browser that connects late still gets the output so far)
and published on a channel (so one that is connected gets it at once). Events carry a sequence number; the
stream skips what it already sent. Without Redis (the embedded development setup) nothing is published and the
page shows the output when the result arrives.
"""
import json
import logging
import time

import redis
from django.conf import settings

from .models import TERMINAL

log = logging.getLogger(__name__)
KEEP_SECONDS = 600
MAX_EVENTS = 2000
_client = None


def channel(submission_id):
    return f"submission:{submission_id}"


def history_key(submission_id):
    return f"submission:{submission_id}:events"


def redis_client():
    global _client
    if _client is None and settings.REDIS_URL:
        _client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5)
    return _client


def publish(submission_id, event):
    client = redis_client()
    if client is None:
        return
    try:
        key = history_key(submission_id)
        seq = client.rpush(key, "")
        if seq > MAX_EVENTS:
            client.rpop(key)
            return
        message = json.dumps({**event, "seq": seq}, ensure_ascii=False)
        pipe = client.pipeline()
        pipe.lset(key, seq - 1, message)
        pipe.expire(key, KEEP_SECONDS)
        pipe.publish(channel(submission_id), message)
        pipe.execute()
    except Exception as exc:  # live output is a nicety; the stored result is the truth
        log.debug("live publish failed: %s", exc)


def events(submission_id, is_finished, timeout=300):
    """Yields event dicts for one submission until it is finished or `timeout` seconds pass."""
    client = redis_client()
    if client is None:
        return
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(channel(submission_id))
    last = 0
    deadline = time.monotonic() + timeout
    try:
        for raw in client.lrange(history_key(submission_id), 0, -1):
            if raw:
                event = json.loads(raw)
                last = event["seq"]
                yield event
        while time.monotonic() < deadline:
            message = pubsub.get_message(timeout=1.0)
            if message is None:
                if is_finished():
                    return
                continue
            event = json.loads(message["data"])
            if event["seq"] <= last:
                continue
            last = event["seq"]
            yield event
            if event.get("event") == "status" and event.get("status") in TERMINAL:
                return
    finally:
        pubsub.close()
