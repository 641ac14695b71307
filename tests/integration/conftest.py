import os

import pytest

from runner.sandbox import LABEL, DockerSandbox


@pytest.fixture(scope="session")
def sandbox(docker_client):
    return DockerSandbox(docker_client)


SECURITY_JOB_ID = f"security-test-{os.getpid()}"


@pytest.fixture
def no_leftover_containers(docker_client):
    yield
    left = docker_client.containers.list(all=True, filters={"label": f"{LABEL}={SECURITY_JOB_ID}"})
    assert not left, f"containers left behind: {[c.name for c in left]}"
