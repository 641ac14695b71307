"""What the workers tell the web tier about themselves, through Redis: who is alive on which queue, how their warm
pools are doing, how long grading took and how often the sandbox could not run at all.

Workers and the web may live on different hosts, so nothing here is kept in process memory or on disk: every
number the web reads (`/readyz`, `/metrics`, the device rule for `any` exercises) comes from these Redis keys.
Without Redis (the embedded development broker) nothing is written and the readers say so by returning None.
"""
import functools
import json
import logging
import os
import socket
import threading

from django.conf import settings

from .live import redis_client

log = logging.getLogger(__name__)
PREFIX = "platform:"
#: A worker writes its heartbeat every HEARTBEAT_SECONDS and counts as alive for HEARTBEAT_TTL after the last one.
HEARTBEAT_SECONDS = 5
HEARTBEAT_TTL = 20
#: Upper bounds (seconds) of the grading latency histogram: from the student's click to the stored verdict.
LATENCY_BUCKETS = (0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60, 120, 300)


def workers_key(queue):
    return f"{PREFIX}workers:{queue}"


def latency_key(queue):
    return f"{PREFIX}latency:{queue}"


POOLS_KEY = f"{PREFIX}pools"
SANDBOX_FAILURES_KEY = f"{PREFIX}sandbox_failures"


def best_effort(write):
    """Counters are worth less than the work they count: a Redis hiccup is logged, never raised to the task."""
    @functools.wraps(write)
    def wrapper(*args, **kwargs):
        try:
            return write(*args, **kwargs)
        except Exception as exc:
            log.warning("%s not recorded: %s", write.__name__, exc)
    return wrapper


def now(client):
    """Redis's clock, not this host's: workers and the web compare heartbeat times across machines."""
    seconds, microseconds = client.time()
    return seconds + microseconds / 1e6


def this_process():
    return f"{socket.gethostname()}:{os.getpid()}"


# ---- written by the workers ----

def beat(worker, queues):
    """One heartbeat: `worker` consumes `queues` now. A sorted set per queue, scored by time, so readers need
    no key scan and entries of dead workers simply age out."""
    client = redis_client()
    if client is None:
        return
    at = now(client)
    with client.pipeline() as pipe:
        for queue in queues:
            pipe.zadd(workers_key(queue), {worker: at})
            pipe.zremrangebyscore(workers_key(queue), "-inf", at - HEARTBEAT_TTL)
        pipe.execute()


def leave(worker, queues):
    """A worker that stops cleanly says so at once instead of waiting for its heartbeat to age out."""
    client = redis_client()
    if client is None:
        return
    with client.pipeline() as pipe:
        for queue in queues:
            pipe.zrem(workers_key(queue), worker)
        pipe.execute()


def publish_pools(pools):
    """This process's warm pools (`{device: PoolStats-like}`), as one hash field stamped with the time."""
    client = redis_client()
    if client is None:
        return
    snapshot = {device: {"size": pool.size, "ready": len(pool.ready), "hits": pool.stats.hits,
                         "misses": pool.stats.misses, "failures": pool.stats.failures}
                for device, pool in pools.items()}
    client.hset(POOLS_KEY, this_process(), json.dumps({"at": now(client), "pools": snapshot}))


@best_effort
def record_verdict(submission):
    """Adds one finished submission to the latency histogram of its queue (cumulative buckets, sum, count)."""
    client = redis_client()
    if client is None or submission.finished_at is None:
        return
    seconds = max(0.0, (submission.finished_at - submission.created_at).total_seconds())
    key = latency_key(submission.queue)
    with client.pipeline() as pipe:
        for bound in LATENCY_BUCKETS:
            if seconds <= bound:
                pipe.hincrby(key, str(bound), 1)
        pipe.hincrby(key, "count", 1)
        pipe.hincrbyfloat(key, "sum", seconds)
        pipe.execute()


@best_effort
def record_sandbox_failure(queue):
    """The sandbox could not run a submission at all (Docker away, image missing); it went back to the queue."""
    client = redis_client()
    if client is not None:
        client.hincrby(SANDBOX_FAILURES_KEY, queue, 1)


class Heartbeat(threading.Thread):
    """A daemon thread that calls `write()` every HEARTBEAT_SECONDS; a failed write is logged and retried."""

    def __init__(self, write, name):
        super().__init__(daemon=True, name=name)
        self.write = write
        self.stopped = threading.Event()

    def run(self):
        while True:
            try:
                self.write()
            except Exception as exc:  # Redis restarting must not kill the heartbeat for good
                log.warning("heartbeat not written: %s", exc)
            if self.stopped.wait(HEARTBEAT_SECONDS):
                return


# ---- read by the web ----

def live_workers(queue):
    """Names of the workers that beat on `queue` within HEARTBEAT_TTL; None without Redis."""
    client = redis_client()
    if client is None:
        return None
    names = client.zrangebyscore(workers_key(queue), now(client) - HEARTBEAT_TTL, "+inf")
    return sorted(name.decode() for name in names)


def pools():
    """Warm pool snapshots of the worker processes that published within HEARTBEAT_TTL, summed per device."""
    client = redis_client()
    if client is None:
        return None
    totals = {}
    cutoff = now(client) - HEARTBEAT_TTL
    for field, raw in client.hgetall(POOLS_KEY).items():
        entry = json.loads(raw)
        if entry["at"] < cutoff:
            client.hdel(POOLS_KEY, field)
            continue
        for device, numbers in entry["pools"].items():
            total = totals.setdefault(device, dict.fromkeys(numbers, 0))
            for name, value in numbers.items():
                total[name] = total.get(name, 0) + value
    return totals


def latency(queue):
    """(cumulative bucket counts in LATENCY_BUCKETS order, count, sum) for `queue`; None without Redis."""
    client = redis_client()
    if client is None:
        return None
    raw = {key.decode(): value for key, value in client.hgetall(latency_key(queue)).items()}
    buckets = [int(raw.get(str(bound), 0)) for bound in LATENCY_BUCKETS]
    return buckets, int(raw.get("count", 0)), float(raw.get("sum", 0.0))


def sandbox_failures():
    client = redis_client()
    if client is None:
        return None
    return {queue.decode(): int(count) for queue, count in client.hgetall(SANDBOX_FAILURES_KEY).items()}


def broker_queue_length(queue):
    """Messages waiting in the broker for `queue` (kombu's Redis transport keeps one list per queue and priority
    step); None without Redis."""
    client = redis_client()
    if client is None:
        return None
    steps = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("priority_steps", [0, 3, 6, 9])
    names = [queue] + [f"{queue}\x06\x16{step}" for step in steps if step]
    with client.pipeline() as pipe:
        for name in names:
            pipe.llen(name)
        return sum(pipe.execute())
