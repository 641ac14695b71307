"""Real services for the integration and browser tests: Docker with the sandbox image, Redis, a Celery worker."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait(condition, timeout, message):
    """Polls `condition` until it holds; fails with `message()` (built only then) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(message())


def require(condition, reason):
    """Service tests skip on a bare laptop, but CI must have every service: there a skip is a failure."""
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide this: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def docker_client():
    import docker

    try:
        client = docker.from_env(timeout=30)
        client.ping()
    except Exception as exc:
        require(False, f"no Docker daemon reachable ({exc})")
    try:
        client.images.get(settings.SANDBOX_IMAGE)
    except Exception:
        require(False, f"sandbox image {settings.SANDBOX_IMAGE} missing (run runner/image/build.sh)")
    return client


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def worker(django_db_setup, django_db_blocker, docker_client, tmp_path_factory):
    require(settings.REDIS_URL, "REDIS_URL must point at a Redis server for the worker tests")
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL).ping()
    except Exception as exc:
        require(False, f"Redis not reachable: {exc}")
    redis.Redis.from_url(settings.REDIS_URL).delete("cpu", "gpu", "lti")
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    env = dict(os.environ, DATABASE_URL=database_url(), REDIS_URL=settings.REDIS_URL, DEBUG="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "cpu,lti", "--concurrency", "1",
         "--pool", "prefork", "-n", f"test-{os.getpid()}@%h", "--loglevel", "INFO", "--without-gossip",
         "--without-mingle"],
        cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text() and time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        time.sleep(0.5)
    assert "ready." in log.read_text(), log.read_text()[-3000:]
    process.log = log
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("the worker took more than 10 s to stop on SIGTERM") from None


