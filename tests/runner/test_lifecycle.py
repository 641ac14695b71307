"""The row is the truth: one claim at a time, one terminal result, capped attempts, a sweeper for stuck rows."""
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone

from courses.models import ExerciseResult
from runner import lifecycle
from runner.models import Submission
from runner.sandbox import Outcome
from tests.factories import SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(student):
    return SubmissionFactory(user=student)


def test_claiming_marks_running_and_counts_the_attempt(queued):
    row, token = lifecycle.claim(queued.pk)
    assert (row.status, row.attempts, row.claim_token) == ("running", 1, token)
    assert row.lease_until > timezone.now()


def test_a_second_delivery_cannot_claim_a_live_attempt(queued):
    lifecycle.claim(queued.pk)
    assert lifecycle.claim(queued.pk) == lifecycle.BUSY
    assert Submission.objects.get(pk=queued.pk).attempts == 1


def test_an_expired_lease_can_be_claimed_again(queued):
    _, first = lifecycle.claim(queued.pk)
    Submission.objects.filter(pk=queued.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    row, second = lifecycle.claim(queued.pk)
    assert second != first and row.attempts == 2


def test_only_the_current_claim_can_write_the_result(queued):
    row, stale_token = lifecycle.claim(queued.pk)
    Submission.objects.filter(pk=queued.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    row, token = lifecycle.claim(queued.pk)
    assert lifecycle.finish(row, stale_token, Outcome({"status": "completed", "stdout": "viejo"})) is None
    assert lifecycle.finish(row, token, Outcome({"status": "completed", "stdout": "nuevo"})).stdout == "nuevo"
    assert lifecycle.finish(row, token, Outcome({"status": "error", "stdout": "otra vez"})) is None
    assert Submission.objects.get(pk=queued.pk).stdout == "nuevo"


def test_a_terminal_row_is_never_run_again(queued):
    row, token = lifecycle.claim(queued.pk)
    lifecycle.finish(row, token, Outcome({"status": "completed"}))
    assert lifecycle.claim(queued.pk) is None


@override_settings(SANDBOX_MAX_ATTEMPTS=2)
def test_attempts_are_capped_then_system_error(queued):
    for _ in range(2):
        lifecycle.claim(queued.pk)
        Submission.objects.filter(pk=queued.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert lifecycle.claim(queued.pk) is None
    row = Submission.objects.get(pk=queued.pk)
    assert row.status == "system_error" and row.attempts == 2


def test_an_unknown_status_from_the_sandbox_becomes_system_error(queued):
    row, token = lifecycle.claim(queued.pk)
    assert lifecycle.finish(row, token, Outcome({"status": "passed-trust-me"})).status == "system_error"


def test_a_scratch_run_never_gets_a_grade(queued):
    row, token = lifecycle.claim(queued.pk)
    done = lifecycle.finish(row, token, Outcome({"status": "passed", "score": 10, "max_score": 10}))
    assert done.status == "completed" and done.score is None


@override_settings(SANDBOX_BACKEND="local")
def test_the_sweeper_returns_stuck_rows_to_requeue_and_gives_up_on_worn_ones(queued, student):
    Submission.objects.filter(pk=queued.pk).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    stale = SubmissionFactory(user=student, code="x", status="running", attempts=1,
                                      lease_until=timezone.now() - timedelta(minutes=1))
    result = lifecycle.sweep()
    assert result["requeued"] == 1 and result["stale"] == 1
    assert sorted(result["to_enqueue"]) == sorted([(str(queued.pk), "cpu"), (str(stale.pk), "cpu")])
    Submission.objects.filter(pk=stale.pk).update(attempts=3)
    with override_settings(SANDBOX_MAX_ATTEMPTS=3):
        lifecycle.sweep()
    assert Submission.objects.get(pk=stale.pk).status == "system_error"


class BrokenSandbox:
    """A platform fault before any result: Docker refuses to start the container."""

    def run(self, job, on_event=None):
        raise OSError("the Docker daemon is not answering")


class ResultSandbox:
    def __init__(self, result):
        self.result = result

    def run(self, job, on_event=None):
        return Outcome(self.result)


def test_a_platform_fault_hands_the_row_back_to_the_queue_until_attempts_run_out(queued):
    with override_settings(SANDBOX_MAX_ATTEMPTS=2):
        assert lifecycle.execute(queued.pk, sandbox=BrokenSandbox()) == lifecycle.RETRY
        row = Submission.objects.get(pk=queued.pk)
        assert (row.status, row.attempts, row.claim_token) == ("queued", 1, None)
        assert lifecycle.execute(queued.pk, sandbox=BrokenSandbox()) == lifecycle.RETRY
        assert Submission.objects.get(pk=queued.pk).status == "system_error"


def test_a_result_that_cannot_be_stored_whole_still_stores_its_verdict_once(queued, exercise, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("the database refused the row")

    monkeypatch.setattr(lifecycle, "report_verdict", explode)
    Submission.objects.filter(pk=queued.pk).update(mode="submit", exercise=exercise)
    done = lifecycle.execute(queued.pk, sandbox=ResultSandbox({"status": "failed", "stdout": "hola"}))
    row = Submission.objects.get(pk=queued.pk)
    assert done is not None and row.status == "failed" and row.attempts == 1 and row.claim_token is None
    assert "no se pudo guardar" in row.message


@pytest.mark.parametrize("result", [
    {"status": "passed", "stdout": "a\x00b\udcff", "checks": [{"name": "c\x00", "passed": True, "message": "\ud800"}]},
    {"status": "error", "exception": {"type": ["x"], "message": {"y": 1}, "line": "7"}, "figures": ["no-base64!"]},
    {"status": "failed", "checks": "no es una lista", "score": float("nan"), "max_score": True},
    {"status": "error", "stderr": "x" * 10_000_000, "message": "m" * 100_000},
    "ni siquiera un diccionario",
])
def test_whatever_the_harness_reports_ends_in_one_terminal_state(queued, result):
    done = lifecycle.execute(queued.pk, sandbox=ResultSandbox(result))
    row = Submission.objects.get(pk=queued.pk)
    assert done is not None and row.is_terminal and row.attempts == 1
    assert "\x00" not in row.stdout + row.stderr + row.message
    assert len(row.stderr) < 70_000 and len(row.message) < 2_100


def test_the_sweeper_moves_a_waiting_any_exercise_off_a_gpu_queue_without_a_gpu_worker(queued, exercise):
    exercise.device = "any"
    exercise.save()
    Submission.objects.filter(pk=queued.pk).update(exercise=exercise, queue="gpu",
                                                   enqueued_at=timezone.now() - timedelta(minutes=10))
    result = lifecycle.sweep()
    assert result["to_enqueue"] == [(str(queued.pk), "cpu")]
    assert Submission.objects.get(pk=queued.pk).queue == "cpu"


def test_a_database_that_drops_the_connection_while_storing_still_gets_the_verdict_counted_once(
        queued, exercise, monkeypatch):

    real, calls = lifecycle.report_verdict, []

    def drop_once(submission):
        calls.append(submission.pk)
        if len(calls) == 1:
            raise OperationalError("terminating connection due to administrator command")
        real(submission)

    monkeypatch.setattr(lifecycle, "report_verdict", drop_once)
    monkeypatch.setattr(lifecycle, "DATABASE_RETRY_PAUSES", (0, 0, 0))
    Submission.objects.filter(pk=queued.pk).update(mode="submit", exercise=exercise)
    lifecycle.execute(queued.pk, sandbox=ResultSandbox({"status": "passed", "score": 10, "max_score": 10,
                                                        "stdout": "hola"}))
    row = Submission.objects.get(pk=queued.pk)
    assert (row.status, row.score, row.stdout) == ("passed", 10, "hola")
    result = ExerciseResult.objects.get(user=row.user, exercise=exercise)
    assert result.attempts == 1 and result.best_score == 10 and len(calls) == 2
