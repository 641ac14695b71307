"""The warm pool's bookkeeping with starts that take a known time: these tests need no Docker (the integration
tests in tests/integration/test_warm_pool.py run the same pool with real containers)."""
import itertools
import threading
import time

from runner.pool import Warm, WarmPool


class Container:
    status = "running"

    def __init__(self, number):
        self.id = f"c{number}"

    def reload(self):
        pass


class Channel:
    def alive(self, stream):
        return True


class Stream:
    ready = True


class Starter:
    """Starts a container in `seconds`, or fails while `failing`; remembers how many ran at once."""

    def __init__(self, seconds):
        self.seconds, self.failing = seconds, False
        self.numbers = itertools.count()
        self.running = self.most_at_once = 0
        self.lock = threading.Lock()

    def __call__(self, stopped):
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            time.sleep(self.seconds)
            if self.failing:
                raise RuntimeError("docker is away")
            return Warm(Container(next(self.numbers)), Channel(), Stream(), 1024)
        finally:
            with self.lock:
                self.running -= 1


def pool_with(starter, size=2, parallel=1, max_wait=10.0):
    return WarmPool("cpu", start=starter, discard=lambda warm: None, size=size, max_idle=60, memory_mb=1024,
                    budget_mb=8192, parallel=parallel, max_wait=max_wait)


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert condition()


def test_an_empty_pool_waits_for_a_container_already_starting_instead_of_missing():
    starter = Starter(0.3)
    pool = pool_with(starter, size=1)
    try:
        pool.ensure_running()
        wait_for(lambda: pool.ready)
        first = pool.take()
        began = time.monotonic()
        second = pool.take()  # the refill is under way: waiting for it beats a cold start
        assert second is not None and second.container.id != first.container.id
        assert time.monotonic() - began < 1.0
        assert pool.stats.misses == 0 and pool.stats.waited == 1
    finally:
        pool.stop()


def test_a_pool_whose_starts_fail_does_not_make_jobs_wait():
    starter = Starter(0.2)
    starter.failing = True
    pool = pool_with(starter, size=1)
    try:
        pool.ensure_running()
        wait_for(lambda: pool.stats.failures >= 1)
        began = time.monotonic()
        assert pool.take() is None
        assert time.monotonic() - began < 0.1 and pool.stats.misses == 1
    finally:
        pool.stop()


def test_a_brand_new_pool_does_not_wait_for_its_first_start():
    pool = pool_with(Starter(0.5), size=1)
    try:
        began = time.monotonic()
        assert pool.take() is None
        assert time.monotonic() - began < 0.2 and pool.stats.misses == 1
    finally:
        pool.stop()


def test_the_wait_is_bounded_by_the_configured_maximum():
    starter = Starter(0.2)
    pool = pool_with(starter, size=1, max_wait=0.1)
    try:
        pool.ensure_running()
        wait_for(lambda: pool.ready)
        starter.seconds = 2.0
        pool.take()
        began = time.monotonic()
        assert pool.take() is None
        assert time.monotonic() - began < 0.5
    finally:
        pool.stop()


def test_containers_start_in_parallel_up_to_the_setting():
    starter = Starter(0.4)
    pool = pool_with(starter, size=4, parallel=2)
    try:
        pool.ensure_running()
        wait_for(lambda: len(pool.ready) == 4)
        assert starter.most_at_once == 2
        assert pool.memory_held_mb == 4 * 1024
    finally:
        pool.stop()


def test_no_container_is_handed_out_twice_to_concurrent_takers():
    starter = Starter(0.02)
    pool = pool_with(starter, size=3, parallel=2)
    taken, lock = [], threading.Lock()

    def take_some():
        for _ in range(20):
            warm = pool.take()
            if warm is not None:
                with lock:
                    taken.append(warm.container.id)

    try:
        pool.ensure_running()
        wait_for(lambda: len(pool.ready) == 3)
        takers = [threading.Thread(target=take_some) for _ in range(4)]
        for taker in takers:
            taker.start()
        for taker in takers:
            taker.join()
        assert len(taken) > 3 and len(taken) == len(set(taken))
    finally:
        pool.stop()


def test_stopping_removes_every_container_at_once_and_abandons_starts_in_progress():
    removed, lock = [], threading.Lock()

    def slow_discard(warm):
        time.sleep(0.5)
        with lock:
            removed.append(warm.container.id)

    class Abandoning(Starter):
        def __call__(self, stopped):
            if self.calls_left <= 0:
                stopped.wait(30)  # a start that would take long gives up once the pool stops
                raise RuntimeError("stopped")
            self.calls_left -= 1
            return super().__call__(stopped)

    starter = Abandoning(0.01)
    starter.calls_left = 3
    pool = WarmPool("cpu", start=starter, discard=slow_discard, size=4, max_idle=60, memory_mb=1024,
                    budget_mb=8192, parallel=2, max_wait=10)
    pool.ensure_running()
    wait_for(lambda: len(pool.ready) == 3)
    began = time.monotonic()
    pool.stop()
    assert time.monotonic() - began < 1.5  # three removals of 0.5 s each, side by side, and no 30 s start
    assert len(removed) == 3 and not pool.ready and pool.stats.failures == 0
