"""Hostile or broken programs through the whole path (API → queue → real worker → Docker → database), each
ending in exactly one fair verdict on its first run, with everything it produced capped and storable.

Each program is the exercise's reference solution plus a trick, so that anything but the trick would pass.
CI runs this file on PostgreSQL and again on SQLite: PostgreSQL refuses NUL in text, SQLite does not.
"""
import socket
import subprocess
import time

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from runner.models import TERMINAL, Submission
from runner.results import MESSAGE_CAP, STREAM_CAP
from runner.sandbox import LABEL, POOL, owner_of
from tests.factories import EXERCISE_TEMPLATE, make_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
SOLUTION = (EXERCISE_TEMPLATE / "solution.py").read_text()
BOUNDED = 30  # seconds: every verdict here must come well before the sandbox's outer wall clock


def workers_containers(worker, docker_client):
    """Every sandbox container the worker's processes own: its warm pool, and any it has not removed yet."""
    children = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout.split()
    owners = {(socket.gethostname(), int(pid)) for pid in children}
    return [c for c in docker_client.containers.list(all=True, ignore_removed=True, filters={"label": f"{LABEL}={POOL}"})
            if owner_of(c) in owners]


@pytest.fixture
def grade(worker, course_exercise, docker_client):
    api = APIClient()
    api.force_authenticate(make_user("hostil"))

    def run(code, mode="submit", timeout=120):
        created = api.post("/api/submissions/", {"exercise": str(course_exercise.uuid), "code": code, "mode": mode},
                           format="json")
        assert created.status_code == 201, created.data
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            row = Submission.objects.get(pk=created.data["id"])
            if row.status in TERMINAL:
                break
            time.sleep(0.3)
        assert row.status in TERMINAL, f"still {row.status}"
        time.sleep(0.5)
        row.refresh_from_db()
        assert row.attempts == 1, f"ran {row.attempts} times"
        assert row.claim_token is None
        for _ in range(50):  # the worker removes the used container right after storing the verdict
            left = workers_containers(worker, docker_client) + docker_client.containers.list(
                all=True, ignore_removed=True, filters={"label": f"{LABEL}={row.pk}"})
            if len(left) <= settings.SANDBOX_POOL_SIZE and all(c.status == "running" for c in left):
                break
            time.sleep(0.2)
        assert len(left) <= settings.SANDBOX_POOL_SIZE, [c.labels for c in left]
        assert all(c.status == "running" for c in left), "a used container was left behind"
        assert len(row.stdout) <= STREAM_CAP + 300 and len(row.stderr) <= STREAM_CAP + 300
        assert all(len(check["message"]) <= MESSAGE_CAP + 50 for check in row.checks)
        assert len(row.figures) <= 5
        return row

    return run


@pytest.mark.parametrize("text", ["'\\udcff roto'", "'a\\x00b'", "'\\ud800' * 5 + '\\x00' * 5", "chr(0xDFFF)"])
def test_unencodable_text_in_the_exception_is_the_students_error_not_the_platforms(grade, text):
    row = grade(SOLUTION + f"\nraise ValueError({text})\n")
    assert row.status == "error" and row.error["type"] == "ValueError"
    assert "\x00" not in row.error["message"] and "ValueError" in row.stderr


@pytest.mark.parametrize("printed", ["'a\\x00b'", "'\\udcff' * 3", "'\\x00' * 100000"])
def test_unencodable_output_is_kept_and_the_verdict_stands(grade, printed):
    row = grade(SOLUTION + f"\nimport sys\nprint({printed})\nprint({printed}, file=sys.stderr)\n")
    assert row.status == "passed"
    assert row.stdout and "\x00" not in row.stdout and "\x00" not in row.stderr


@pytest.mark.parametrize("record", [
    "{'type': torch.ones(3), 'message': {'a': torch.zeros(2)}, 'line': torch.tensor(5)}",
    "{'type': ['x'] * 100, 'message': 'm' * 10_000_000, 'line': 2**80}",
    "'no soy un diccionario'",
    "torch.ones(2).to_sparse()",
])
def test_a_forged_exception_record_is_cleaned_and_stays_an_error(grade, record):
    code = SOLUTION + ("\nimport sys, torch\nstudent = sys.modules['student']\n"
                       f"student.describe_exception = lambda exc: {record}\nraise RuntimeError('x')\n")
    row = grade(code)
    assert row.status == "error" and isinstance(row.error["type"], str)
    assert len(row.error["message"]) <= MESSAGE_CAP + 50


@pytest.mark.parametrize("returned", [
    "x.permute(0, 2, 3, 1).to_sparse()",
    "torch.empty(x.permute(0, 2, 3, 1).shape, device='meta')",
    "[x.permute(0, 2, 3, 1)] * 3",
    "{'__kind__': 'tensor', 'data': [1, 2], 'device': 9, 'requires_grad': 'si'}",
])
def test_values_that_are_not_plain_tensors_fail_the_check_without_a_platform_error(grade, returned):
    code = SOLUTION + f"\ndef canales_al_final(x):\n    return {returned}\n"
    row = grade(code)
    assert row.status == "failed"
    assert [c["passed"] for c in row.checks if "canales" in c["name"]] == [False]


def test_a_tensor_carrying_forged_attributes_is_judged_by_its_values(grade):
    code = SOLUTION + ("\ndef canales_al_final(x):\n    t = x.clone()\n    t.student_device = 'cpu'\n"
                       "    t.forma = (1, 2)\n    return t\n")
    row = grade(code)
    assert row.status == "failed"


def test_huge_messages_from_the_students_functions_are_capped(grade):
    code = SOLUTION + "\ndef canales_al_final(x):\n    raise ValueError('z' * 5_000_000)\n"
    row = grade(code)
    assert row.status == "failed"
    message = next(c["message"] for c in row.checks if "canales" in c["name"])
    assert "ValueError" in message and len(message) <= MESSAGE_CAP + 50


@pytest.mark.parametrize("figures", [
    "lambda: [torch.zeros(10, dtype=torch.uint8).to_sparse()] * 50",
    "lambda: [torch.full((2_000_000,), 137, dtype=torch.uint8)] * 9",
    "lambda: [b'\\x89PNG\\r\\n\\x1a\\n' * 10, 'texto', None, torch.ones(2, 2, dtype=torch.uint8)]",
    "lambda: torch.ones(3)",
])
def test_forged_figures_are_dropped_and_the_verdict_stands(grade, figures):
    code = SOLUTION + f"\nimport sys, torch\nsys.modules['student'].figures = {figures}\n"
    row = grade(code)
    assert row.status == "passed" and row.figures == []


def test_many_real_figures_are_capped_at_five(grade):
    code = SOLUTION + "\nimport matplotlib.pyplot as plt\nfor i in range(12):\n    plt.figure()\n    plt.plot([i, 1])\n"
    row = grade(code)
    assert row.status == "passed" and len(row.figures) == 5


@pytest.mark.parametrize("stall", [
    "sys.modules['protocol'].MessageReader.wait = lambda self, deadline=None: time.sleep(10**6)",
    "sys.modules['protocol'].MessageReader.feed = lambda self: time.sleep(10**6)",
])
def test_a_student_that_stops_reading_is_failed_promptly(grade, stall):
    started = time.monotonic()
    row = grade(SOLUTION + f"\nimport sys, time\n{stall}\n")
    assert row.status in ("failed", "timeout")
    assert time.monotonic() - started < BOUNDED + 20


def test_the_grader_folder_is_closed_to_the_student_and_planted_files_are_never_read(grade):
    code = SOLUTION + ("\nimport os\nfor attempt in (lambda: os.listdir('/tmp/grader'),\n"
                       "                lambda: open('/tmp/grader/plantado.py', 'w'),\n"
                       "                lambda: os.makedirs('/tmp/grader/assets/x'),\n"
                       "                lambda: os.rename('/tmp/grader', '/tmp/otro')):\n"
                       "    try:\n        attempt()\n        print('abierto')\n"
                       "    except OSError as exc:\n        print('cerrado', type(exc).__name__)\n")
    row = grade(code)
    assert row.status == "passed" and row.stdout.count("cerrado") == 4 and "abierto" not in row.stdout
