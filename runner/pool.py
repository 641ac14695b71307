"""Warm, single-use sandboxes.

A pool keeps a few containers per device whose harness has already imported torch and numpy, forked the student
process and dropped privileges, and now waits on stdin for one job. `take` hands a container out once and forgets
it: the sandbox destroys it after that one job, so nothing of one submission can meet the next. A background
thread refills the pool, recycles containers that sat idle longer than `max_idle` and replaces any that died; a
container is checked again when it is taken and never handed out unless it is alive and ready.

The pool never holds more memory than its budget: containers are counted by their memory limit. An empty pool
is not an error: when a container is already on its way (a start that usually succeeds and takes about as long
as a cold start would), `take` waits for it, which is never slower than starting another one and does not add a
cold start's CPU to a machine that is already refilling; otherwise the job starts a container cold, and the miss
is logged and counted. Up to `parallel` containers start at once, so one busy worker process can refill at the
rate of its cores rather than one container at a time.

Pool containers carry the sandbox label with the value `pool` and an owner label (host, process). They are never
older than `max_idle` plus one job, well under the age at which the sweeper reaps unlabelled leftovers, so the
reaper never takes a container that a live pool owns; a process that starts removes the pool containers of dead
processes on its host, and a process that stops drains its own.
"""
import logging
import threading
import time
from dataclasses import dataclass, field

log = logging.getLogger(__name__)
CONTAINER_UP = "running"  # Docker's word for a live container (not a submission's status)


@dataclass
class Warm:
    container: object
    channel: object
    stream: object
    memory_mb: int
    born: float = field(default_factory=time.monotonic)

    @property
    def age(self):
        return time.monotonic() - self.born


@dataclass
class PoolStats:
    hits: int = 0
    misses: int = 0
    started: int = 0
    replaced: int = 0
    failures: int = 0
    waited: int = 0  # hits that waited for a container already starting


class WarmPool:
    def __init__(self, name, start, discard, size, max_idle, memory_mb, budget_mb, parallel=1, max_wait=0.0):
        """`start(stopped)` returns a ready Warm (or raises, soon after the `stopped` event is set); `discard(warm)`
        destroys one.

        `parallel` containers may start at once; `take` waits at most `max_wait` seconds for one that is starting.
        """
        self.name = name
        self.start_one = start
        self.discard = discard
        self.memory_mb = memory_mb
        self.size = max(0, min(size, budget_mb // max(1, memory_mb)))
        self.max_idle = max_idle
        self.parallel = max(1, parallel)
        self.max_wait = max_wait
        self.ready = []
        self.starting = 0
        self.last_start_seconds = None  # None until a start succeeds, and again after one fails
        self.stats = PoolStats()
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.wake = threading.Event()
        self.stopped = threading.Event()
        self.threads = []

    @property
    def memory_held_mb(self):
        return (len(self.ready) + self.starting) * self.memory_mb

    def ensure_running(self):
        with self.lock:
            if not self.threads and self.size > 0 and not self.stopped.is_set():
                self.threads = [threading.Thread(target=self._refill, daemon=True, name=f"sandbox-pool-{self.name}-{n}")
                                for n in range(min(self.parallel, self.size))]
                for thread in self.threads:
                    thread.start()

    def take(self):
        """A live, ready container that nobody else will ever get, or None (a miss: the caller starts cold)."""
        self.ensure_running()
        while True:
            self.wake.set()
            with self.changed:
                waited = self._wait_for_a_start_in_progress()
                warm = self.ready.pop(0) if self.ready else None
            self.wake.set()
            if warm is None:
                self.stats.misses += 1
                log.info("sandbox pool %s empty: cold start (%d misses so far)", self.name, self.stats.misses)
                return None
            if self._healthy(warm):
                self.stats.hits += 1
                self.stats.waited += waited
                return warm
            self.stats.replaced += 1
            self._discard(warm)

    def _wait_for_a_start_in_progress(self):
        """With the lock held: waits while the pool is empty, its refill runs and its starts succeed.

        An empty pool whose refill runs always has a container on its way (or a few milliseconds from it).
        The wait is bounded by how long the last start took (a cold start would take as long), and by `max_wait`.
        """
        if self.ready or not self.threads or self.last_start_seconds is None or self.max_wait <= 0:
            return False
        deadline = time.monotonic() + min(self.max_wait, 1.5 * self.last_start_seconds)
        while not self.ready and self.last_start_seconds is not None and not self.stopped.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self.changed.wait(left)
        return bool(self.ready)

    def _healthy(self, warm):
        if warm.age > self.max_idle or not warm.channel.alive(warm.stream) or not warm.stream.ready:
            return False
        try:
            warm.container.reload()
        except Exception:
            return False
        return warm.container.status == CONTAINER_UP

    def _refill(self):
        while not self.stopped.is_set():
            self._recycle()
            with self.lock:
                wanted = len(self.ready) + self.starting < self.size
                if wanted:
                    self.starting += 1
            if not wanted:
                self.wake.wait(timeout=min(5.0, self.max_idle / 4))
                self.wake.clear()
                continue
            warm, began, failed = None, time.monotonic(), False
            try:
                warm = self.start_one(self.stopped)
                self.stats.started += 1
            except Exception as exc:  # Docker away or the image missing: back off, jobs start cold meanwhile
                failed = True
                if not self.stopped.is_set():
                    self.stats.failures += 1
                    log.warning("sandbox pool %s could not start a container: %s", self.name, exc)
            finally:
                with self.changed:
                    self.starting -= 1
                    self.last_start_seconds = None if failed else time.monotonic() - began
                    if warm is not None and not self.stopped.is_set():
                        self.ready.append(warm)
                        warm = None
                    self.changed.notify_all()
            if warm is not None:
                self._discard(warm)
            if failed:
                self.stopped.wait(5)

    def _recycle(self):
        """Replaces containers that sat idle too long or died while waiting."""
        with self.lock:
            stale = [w for w in self.ready if w.age > self.max_idle or not w.channel.alive(w.stream)]
            self.ready = [w for w in self.ready if w not in stale]
        for warm in stale:
            self.stats.replaced += 1
            self._discard(warm)

    def _discard(self, warm):
        try:
            self.discard(warm)
        except Exception as exc:
            log.warning("sandbox pool %s could not remove a container: %s", self.name, exc)

    def stop(self, timeout=15):
        """Stops refilling and destroys every container the pool still holds, all at once (a stopping worker
        should be gone in seconds); a start in progress gives up and removes its own container."""
        self.stopped.set()
        self.wake.set()
        with self.changed:
            self.changed.notify_all()
        with self.lock:
            left, self.ready = self.ready, []
        removals = [threading.Thread(target=self._discard, args=(warm,), daemon=True) for warm in left]
        for thread in removals:
            thread.start()
        deadline = time.monotonic() + timeout
        for thread in removals + self.threads:
            thread.join(max(0.0, deadline - time.monotonic()))
