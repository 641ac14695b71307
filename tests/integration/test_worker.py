"""The whole path with real parts: API → PostgreSQL → Redis → a real Celery worker → Docker → result."""
import os
import signal
import subprocess
import time

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from courses.models import Exercise, LessonProgress
from runner.models import TERMINAL, Submission
from tests.factories import EXERCISE_TEMPLATE, SubmissionFactory, make_user, write_course

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def exercise(tmp_path):
    call_command("sync_content", str(write_course(tmp_path)), verbosity=0)
    return Exercise.objects.get(slug="reorganizar-lote")


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(make_user("worker-student"))
    return client


def wait_for(api, submission_id, timeout=120, until=TERMINAL):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = api.get(f"/api/submissions/{submission_id}/").data
        if data["status"] in until:
            return data
        time.sleep(0.3)
    raise AssertionError(f"submission {submission_id} still {data['status']} after {timeout}s")


def test_a_correct_submission_passes_and_completes_the_lesson(worker, api, exercise):
    solution = (EXERCISE_TEMPLATE / "solution.py").read_text()
    created = api.post("/api/submissions/", {"exercise": str(exercise.uuid), "code": solution, "mode": "submit"},
                       format="json")
    assert created.status_code == 201 and created.data["status"] == "queued"
    data = wait_for(api, created.data["id"])
    assert (data["status"], data["score"], data["max_score"]) == ("passed", 10, 10)
    assert all(check["passed"] for check in data["checks"]) and len(data["checks"]) == 3
    assert data["device"] == "cpu" and data["duration_ms"] > 0
    assert LessonProgress.objects.filter(lesson=exercise.lesson, completed_at__isnull=False).count() == 1


def test_a_wrong_submission_fails_with_the_failing_check_explained(worker, api, exercise):
    wrong = (EXERCISE_TEMPLATE / "wrong" / "reshape-en-vez-de-permute.py").read_text()
    created = api.post("/api/submissions/", {"exercise": str(exercise.uuid), "code": wrong, "mode": "submit"},
                       format="json")
    data = wait_for(api, created.data["id"])
    assert data["status"] == "failed" and data["score"] == 6
    failing = [c for c in data["checks"] if not c["passed"]]
    assert len(failing) == 1 and "canales_al_final" in failing[0]["message"]
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_a_scratch_run_returns_output_and_figures(worker, api):
    code = "import matplotlib.pyplot as plt\nprint('hola desde el sandbox')\nplt.plot([1, 2, 3])\n"
    created = api.post("/api/submissions/", {"code": code, "mode": "run"}, format="json")
    data = wait_for(api, created.data["id"])
    assert data["status"] == "completed" and data["stdout"] == "hola desde el sandbox\n"
    assert len(data["figures"]) == 1


def test_an_infinite_loop_times_out_and_the_worker_keeps_serving(worker, api, exercise):
    exercise.time_limit = 2
    exercise.save()
    created = api.post("/api/submissions/", {"exercise": str(exercise.uuid), "code": "while True:\n    pass\n",
                                             "mode": "run"}, format="json")
    assert wait_for(api, created.data["id"])["status"] == "timeout"
    again = api.post("/api/submissions/", {"code": "print(2 + 2)", "mode": "run"}, format="json")
    assert wait_for(api, again.data["id"])["stdout"] == "4\n"


def test_killing_the_worker_mid_job_still_ends_in_exactly_one_terminal_state(worker, api, docker_client):
    code = "import time\ntime.sleep(4)\nprint('fin')\n"
    created = api.post("/api/submissions/", {"code": code, "mode": "run"}, format="json")
    wait_for(api, created.data["id"], until=["running"])
    time.sleep(1.5)
    children = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout.split()
    assert children, "the worker has no pool process"
    for pid in children:
        os.kill(int(pid), signal.SIGKILL)
    data = wait_for(api, created.data["id"], timeout=150)
    assert data["status"] == "completed" and data["stdout"] == "fin\n"
    row = Submission.objects.get(pk=created.data["id"])
    assert row.attempts == 2 and row.claim_token is None
    time.sleep(1)
    from runner.sandbox import LABEL

    assert not docker_client.containers.list(all=True, ignore_removed=True, filters={"label": f"{LABEL}={row.pk}"})


def test_output_streams_live_through_redis_before_the_verdict(worker, api):
    code = "import time\nfor epoca in range(1, 4):\n    print(f'época {epoca}')\n    time.sleep(1)\n"
    created = api.post("/api/submissions/", {"code": code, "mode": "run"}, format="json")
    response = api.get(f"/api/submissions/{created.data['id']}/events/", HTTP_ACCEPT="text/event-stream")
    assert response.status_code == 200 and response["Content-Type"] == "text/event-stream"
    received, first_output_at = "", None
    for chunk in response.streaming_content:
        text = chunk.decode()
        if "event: stdout" in text:
            first_output_at = first_output_at or time.time()
            received += text
        if "event: end" in text:
            break
    assert "época 1" in received and "época 3" in received
    row = Submission.objects.get(pk=created.data["id"])
    assert row.status == "completed"
    assert first_output_at < row.finished_at.timestamp() - 1.0, "the first line arrived only at the end"


def test_someone_elses_event_stream_is_404(worker, api):
    other = make_user("intrusa")
    theirs = SubmissionFactory(user=other)
    assert api.get(f"/api/submissions/{theirs.pk}/events/", HTTP_ACCEPT="text/event-stream").status_code == 404
