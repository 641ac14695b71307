import os

import pytest
from django.core.management import call_command

from courses.models import Exercise
from runner.sandbox import LABEL, DockerSandbox
from tests.factories import write_course


@pytest.fixture(scope="session")
def sandbox(docker_client):
    return DockerSandbox(docker_client)


SECURITY_JOB_ID = f"security-test-{os.getpid()}"


@pytest.fixture
def no_leftover_containers(docker_client):
    yield
    left = docker_client.containers.list(all=True, filters={"label": f"{LABEL}={SECURITY_JOB_ID}"})
    assert not left, f"containers left behind: {[c.name for c in left]}"


@pytest.fixture
def course_exercise(tmp_path):
    """The test course's graded exercise (reorganizar-lote), loaded from files."""
    call_command("sync_content", str(write_course(tmp_path)), verbosity=0)
    return Exercise.objects.get(slug="reorganizar-lote")
