"""What an operator sees of a real worker: its heartbeat makes /readyz ready, a graded submission records the
device it ran on and lands in the latency histogram, and the worker's warm pool shows in /metrics."""
import time

import pytest
from django.test import Client
from rest_framework.test import APIClient

from runner import telemetry
from runner.models import TERMINAL, Submission
from tests.factories import EXERCISE_TEMPLATE, make_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
SOLUTION = (EXERCISE_TEMPLATE / "solution.py").read_text()


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    return condition()


def metric(lines, prefix):
    return next((float(line.rsplit(" ", 1)[1]) for line in lines if line.startswith(prefix)), None)


def test_a_live_worker_is_seen_by_readyz_and_its_grading_by_metrics(worker, course_exercise):
    assert wait_for(lambda: any(name.startswith("test-") for name in telemetry.live_workers("cpu") or []), 15)
    web = Client()
    ready = web.get("/readyz")
    assert ready.status_code == 200, ready.json()
    before = (telemetry.latency("cpu") or ([], 0, 0))[1]

    api = APIClient()
    api.force_authenticate(make_user("operadora"))
    created = api.post("/api/submissions/", {"exercise": str(course_exercise.uuid), "code": SOLUTION,
                                             "mode": "submit"}, format="json")
    assert created.status_code == 201, created.data
    row = wait_for(lambda: Submission.objects.filter(pk=created.data["id"], status__in=TERMINAL).first(), 120)
    assert row is not None and row.status == "passed" and row.device == "cpu"

    assert wait_for(lambda: telemetry.latency("cpu")[1] == before + 1, 10)
    lines = wait_for(lambda: [line for line in web.get("/metrics").content.decode().splitlines()
                              if line.startswith("platform_pool_size")], 15)
    assert metric(lines, 'platform_pool_size{device="cpu"}') >= 1
