import os

import pytest

from runner.sandbox import LABEL, DockerSandbox


def require(condition, reason):
    """Integration tests skip on a bare laptop, but CI must have every service: there a skip is a failure."""
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
    from django.conf import settings

    try:
        client.images.get(settings.SANDBOX_IMAGE)
    except Exception:
        require(False, f"sandbox image {settings.SANDBOX_IMAGE} missing (run runner/image/build.sh)")
    return client


@pytest.fixture(scope="session")
def sandbox(docker_client):
    return DockerSandbox(docker_client)


SECURITY_JOB_ID = f"security-test-{os.getpid()}"


@pytest.fixture
def no_leftover_containers(docker_client):
    yield
    left = docker_client.containers.list(all=True, filters={"label": f"{LABEL}={SECURITY_JOB_ID}"})
    assert not left, f"containers left behind: {[c.name for c in left]}"
