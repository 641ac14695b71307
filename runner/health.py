"""Is the platform ready to take work? Each check answers (ok, details) and never raises.

Ready means: the database answers, the broker answers, and every queue that has work waiting has at least one
live worker (a fresh heartbeat, see telemetry). A queue with nothing waiting needs no worker: a deployment
without GPUs is ready while nobody has a GPU exercise queued.
"""
from django.conf import settings
from django.db import connection
from django.db.models import Count

from . import telemetry
from .live import redis_client
from .models import Queue, Status, Submission


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True, {"engine": connection.vendor}
    except Exception as exc:
        return False, {"error": f"{type(exc).__name__}: {exc}"[:300]}


def broker():
    client = redis_client()
    if client is None:
        return True, {"broker": "embedded filesystem broker (no REDIS_URL): nothing to reach"}
    try:
        client.ping()
        return True, {"broker": "redis"}
    except Exception as exc:
        return False, {"broker": "redis", "error": f"{type(exc).__name__}: {exc}"[:300]}


def workers():
    """Per queue: submissions waiting (database rows in `queued`) and the live workers; fails for a queue with
    waiting work and no live worker. Heartbeats live in Redis: without it, liveness is not checked."""
    waiting = dict(Submission.objects.filter(status=Status.QUEUED).values_list("queue").annotate(n=Count("pk"))
                   .order_by())
    if not settings.REDIS_URL:
        return True, {"checked": False, "reason": "worker heartbeats need Redis (REDIS_URL); not checked",
                      "queues": {queue: {"queued": waiting.get(queue, 0)} for queue in Queue.values}}
    queues, ok = {}, True
    for queue in Queue.values:
        alive = telemetry.live_workers(queue)
        queues[queue] = {"queued": waiting.get(queue, 0), "live_workers": len(alive)}
        if waiting.get(queue, 0) and not alive:
            ok = False
    return ok, {"checked": True, "queues": queues}


CHECKS = {"database": database, "broker": broker, "workers": workers}


def readiness():
    """(ready, report): the report names every check with its `ok` and details. A check that cannot run
    because another failed (no database, so no queue counts) reports that failure as its own."""
    report = {}
    for name, check in CHECKS.items():
        try:
            ok, details = check()
        except Exception as exc:
            ok, details = False, {"error": f"{type(exc).__name__}: {exc}"[:300]}
        report[name] = {"ok": ok, **details}
    return all(entry["ok"] for entry in report.values()), report
