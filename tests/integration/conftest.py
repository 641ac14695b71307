import os
import time

import pytest
from django.core.management import call_command

from courses.models import Exercise
from runner.sandbox import LABEL, DockerSandbox
from tests.factories import write_course


@pytest.fixture(scope="session")
def sandbox(docker_client):
    """The hostile-program tests run against warm pool containers, the path the workers use."""
    sandbox = DockerSandbox(docker_client, pool_size=1)
    yield sandbox
    sandbox.stop_pools()


SECURITY_JOB_ID = f"security-test-{os.getpid()}"


def wait_until_warm(sandbox, device="cpu", timeout=90):
    """Blocks until the sandbox's pool holds a ready container, so the next job takes the warm path."""
    pool = sandbox.pool(device)
    pool.ensure_running()
    deadline = time.monotonic() + timeout
    while not pool.ready and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pool.ready, f"the warm pool had no container ready after {timeout} s: {pool.stats}"
    return pool


@pytest.fixture
def no_leftover_containers(docker_client, sandbox):
    yield
    sandbox.wait_for_removals()
    left = docker_client.containers.list(all=True, ignore_removed=True, filters={"label": f"{LABEL}={SECURITY_JOB_ID}"})
    assert not left, f"containers left behind: {[c.name for c in left]}"


@pytest.fixture
def course_exercise(tmp_path):
    """The test course's graded exercise (reorganizar-lote), loaded from files."""
    call_command("sync_content", str(write_course(tmp_path)), verbosity=0)
    return Exercise.objects.get(slug="reorganizar-lote")
