"""Warm, single-use sandboxes: a pool container serves exactly one job, shares nothing with the next, is
replaced when it dies while idle, stays within the memory budget, and is never left behind or reaped while
its owner lives."""
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.test import override_settings

from runner.jobs import Job
from runner.sandbox import LABEL, POOL, POOL_OWNER_LABEL, DockerSandbox, owner_of

from .conftest import wait_until_warm

pytestmark = pytest.mark.integration
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def job(code, time_limit=5):
    return Job(submission_id=f"pool-test-{os.getpid()}", mode="run", code=code, time_limit=time_limit)


def pool_containers(docker_client, owner=None):
    containers = docker_client.containers.list(all=True, ignore_removed=True, filters={"label": f"{LABEL}={POOL}"})
    return [c for c in containers if owner is None or c.labels.get(POOL_OWNER_LABEL) == owner]


@pytest.fixture
def pooled(docker_client):
    sandbox = DockerSandbox(docker_client, pool_size=1)
    yield sandbox
    sandbox.stop_pools()
    assert not pool_containers(docker_client, sandbox.owner), "stop_pools left containers behind"


def test_a_pool_container_serves_one_job_and_is_destroyed(pooled, docker_client):
    pool = wait_until_warm(pooled)
    first = pool.ready[0].container.id
    outcome = pooled.run(job("print('uno')"))
    assert outcome.warm and outcome.result["stdout"] == "uno\n"
    pooled.wait_for_removals()
    assert first not in [c.id for c in docker_client.containers.list(all=True, ignore_removed=True)]
    wait_until_warm(pooled)
    assert pool.ready[0].container.id != first
    assert pooled.run(job("print('dos')")).warm


def test_nothing_of_one_submission_is_visible_to_the_next(pooled):
    wait_until_warm(pooled)
    plant = ("import os\nopen('/tmp/work/secreto.txt', 'w').write('clave')\nos.makedirs('/tmp/work/rastro')\n"
             "import builtins\nbuiltins.HUELLA = 'aqui'\nprint(os.getpid())")
    assert pooled.run(job(plant)).result["status"] == "completed"
    wait_until_warm(pooled)
    look = ("import os, builtins\nprint(sorted(os.listdir('/tmp/work')))\n"
            "print(getattr(builtins, 'HUELLA', 'nada'))\nprint(os.path.exists('/tmp/work/secreto.txt'))")
    outcome = pooled.run(job(look))
    assert outcome.warm
    assert outcome.result["stdout"].splitlines()[1:] == ["nada", "False"]
    assert "secreto.txt" not in outcome.result["stdout"] and "rastro" not in outcome.result["stdout"]


def test_a_container_killed_while_idle_is_replaced_and_the_next_job_passes(pooled):
    pool = wait_until_warm(pooled)
    victim = pool.ready[0].container
    victim.kill()
    outcome = pooled.run(job("print(6 * 7)"))
    assert outcome.result["status"] == "completed" and outcome.result["stdout"] == "42\n"
    assert pool.stats.replaced >= 1 or not outcome.warm
    deadline = time.monotonic() + 60
    while pool.ready and pool.ready[0].container.id == victim.id and time.monotonic() < deadline:
        time.sleep(0.2)
    assert all(w.container.id != victim.id for w in pool.ready)


def test_an_empty_pool_takes_the_cold_path_and_counts_the_miss(docker_client):
    sandbox = DockerSandbox(docker_client, pool_size=0)
    outcome = sandbox.run(job("print('frio')"))
    assert not outcome.warm and outcome.result["stdout"] == "frio\n"
    warm = DockerSandbox(docker_client, pool_size=1)
    try:
        pool = warm.pool("cpu")
        misses = pool.stats.misses
        outcome = warm.run(job("print('sin reserva')"))  # the pool has had no time to fill
        assert not outcome.warm and pool.stats.misses == misses + 1
    finally:
        warm.stop_pools()


def test_the_memory_budget_caps_the_pool(docker_client):
    with override_settings(SANDBOX_POOL_MEMORY_MB=2048, SANDBOX_MEMORY_MB=1024):
        sandbox = DockerSandbox(docker_client, pool_size=6)
        try:
            pool = sandbox.pool("cpu")
            assert pool.size == 2
            pool.ensure_running()
            deadline = time.monotonic() + 90
            while len(pool.ready) < 2 and time.monotonic() < deadline:
                assert pool.memory_held_mb <= 2048
                time.sleep(0.2)
            time.sleep(2)
            assert len(pool_containers(docker_client, sandbox.owner)) <= 2 and pool.memory_held_mb <= 2048
        finally:
            sandbox.stop_pools()


def test_time_limits_do_not_count_the_warm_up_or_on_demand_imports(pooled):
    wait_until_warm(pooled)
    code = "import time\nimport matplotlib.pyplot as plt\ntime.sleep(1.6)\nprint('a tiempo')"
    outcome = pooled.run(job(code, time_limit=2))
    assert outcome.warm and outcome.result["status"] == "completed", outcome.result


def test_the_reaper_never_takes_a_pool_container_whose_owner_lives(pooled, docker_client):
    wait_until_warm(pooled)
    owned = pool_containers(docker_client, pooled.owner)
    assert owned
    pooled.reap_orphans(min_age_seconds=0)
    assert {c.id for c in owned} <= {c.id for c in docker_client.containers.list(all=True, ignore_removed=True)}


def test_the_reaper_takes_an_exited_pool_container_even_when_its_owner_lives(pooled, docker_client):
    wait_until_warm(pooled)
    running = pool_containers(docker_client, pooled.owner)
    exited = docker_client.containers.run(settings.SANDBOX_IMAGE, entrypoint=["python3", "-c", "pass"],
                                          labels={LABEL: POOL, POOL_OWNER_LABEL: pooled.owner}, detach=True)
    exited.wait(timeout=60)
    pooled.reap_orphans(min_age_seconds=0)
    alive = {c.id for c in docker_client.containers.list(all=True, ignore_removed=True)}
    assert exited.id not in alive
    assert {c.id for c in running if c.status == "running"} <= alive


def start_worker(env, log):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", f"pooltest-{os.getpid()}", "--concurrency",
         "1", "--pool", "prefork", "-n", f"pool-{os.getpid()}-{time.time_ns()}@%h", "--without-gossip",
         "--without-mingle", "--loglevel", "INFO"], cwd=ROOT, env=env, stdout=open(log, "w"),
        stderr=subprocess.STDOUT)


def worker_pool_containers(docker_client, worker):
    children = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout.split()
    owners = {(socket.gethostname(), int(pid)) for pid in children}
    return [c for c in pool_containers(docker_client) if owner_of(c) in owners]


def wait_for_pool_containers(docker_client, worker, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = worker_pool_containers(docker_client, worker)
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError("the worker never warmed a container")


def test_a_worker_restart_leaves_no_pool_container_behind(docker_client, tmp_path):
    env = dict(os.environ, SANDBOX_POOL_SIZE="1", DEBUG="1")
    worker = start_worker(env, tmp_path / "first.log")
    try:
        warmed = wait_for_pool_containers(docker_client, worker)
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
        assert not [c for c in warmed if c.id in {x.id for x in docker_client.containers.list(all=True, ignore_removed=True)}]

        killed = start_worker(env, tmp_path / "second.log")
        left = wait_for_pool_containers(docker_client, killed)
        for pid in subprocess.run(["pgrep", "-P", str(killed.pid)], capture_output=True, text=True).stdout.split():
            os.kill(int(pid), signal.SIGKILL)
        killed.kill()
        killed.wait(timeout=30)
        assert {c.id for c in left} <= {c.id for c in docker_client.containers.list(all=True, ignore_removed=True)}

        worker = start_worker(env, tmp_path / "third.log")
        wait_for_pool_containers(docker_client, worker)
        alive = {c.id for c in docker_client.containers.list(all=True, ignore_removed=True)}
        assert not {c.id for c in left} & alive, "the new worker did not clear the dead worker's containers"
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
