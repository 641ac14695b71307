"""The row is the truth: one claim at a time, one terminal result, capped attempts, a sweeper for stuck rows."""
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from runner import lifecycle
from runner.models import Submission
from runner.sandbox import Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(student):
    return Submission.objects.create(user=student, mode="run", code="print(1)")


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
    stale = Submission.objects.create(user=student, mode="run", code="x", status="running", attempts=1,
                                      lease_until=timezone.now() - timedelta(minutes=1))
    result = lifecycle.sweep()
    assert result["requeued"] == 1 and result["stale"] == 1
    assert sorted(result["to_enqueue"]) == sorted([(str(queued.pk), "cpu"), (str(stale.pk), "cpu")])
    Submission.objects.filter(pk=stale.pk).update(attempts=3)
    with override_settings(SANDBOX_MAX_ATTEMPTS=3):
        lifecycle.sweep()
    assert Submission.objects.get(pk=stale.pk).status == "system_error"
