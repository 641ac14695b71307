"""The submissions API: clear 4xx for bad input with nothing queued, owner-only reads, idempotency, rate limits."""
import json

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from courses.models import ExerciseDraft
from runner.api import SubmissionThrottle
from runner.models import Submission
from tests.factories import PersonalTokenFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
URL = "/api/submissions/"


@pytest.fixture(autouse=True)
def fresh_throttle_cache():
    cache.clear()


@pytest.fixture
def api(student):
    client = APIClient()
    client.force_authenticate(student)
    return client


def post(api, **payload):
    return api.post(URL, payload, format="json")


def test_a_scratch_run_is_accepted_and_queued(api, student):
    response = post(api, exercise=None, code="print('hola')", mode="run")
    assert response.status_code == 201
    row = Submission.objects.get(pk=response.data["id"])
    assert (row.status, row.user, row.mode, row.queue) == ("queued", student, "run", "cpu")


def test_a_graded_submission_needs_an_exercise(api):
    response = post(api, exercise=None, code="x = 1", mode="submit")
    assert response.status_code == 400 and "ejercicio" in response.data["detail"]
    assert not Submission.objects.exists()


def test_submitting_for_an_exercise_is_accepted(api, exercise):
    response = post(api, exercise=str(exercise.uuid), code="x = 1", mode="submit")
    assert response.status_code == 201
    assert Submission.objects.get().exercise == exercise


@pytest.mark.parametrize("payload, field", [
    ({"code": "x" * (64 * 1024 + 1), "mode": "run"}, "code"),
    ({"code": "ñ" * (32 * 1024 + 1), "mode": "run"}, "code"),
    ({"code": "print(1)\x00", "mode": "run"}, "code"),
    ({"code": "print(1)", "mode": "compile"}, "mode"),
    ({"mode": "run"}, "code"),
    ({"code": "print(1)"}, "mode"),
    ({"code": "print(1)", "mode": "submit", "exercise": "00000000-0000-4000-8000-000000000000"}, "exercise"),
    ({"code": "print(1)", "mode": "run", "exercise": "no-es-un-uuid"}, "exercise"),
])
def test_bad_input_gets_a_clear_400_and_nothing_is_queued(api, course, payload, field):
    response = api.post(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.data and response.data[field][0]
    assert not Submission.objects.exists()


def test_an_unpublished_exercise_is_rejected(api, exercise):
    exercise.published = False
    exercise.save()
    response = post(api, exercise=str(exercise.uuid), code="x", mode="submit")
    assert response.status_code == 400 and not Submission.objects.exists()


def test_invalid_utf8_and_binary_junk_are_rejected(api):
    body = b'{"code": "print(\xff\xfe)", "mode": "run"}'
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    response = api.post(URL, bytes(range(256)) * 10, content_type="application/json")
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_anonymous_requests_are_refused(course):
    response = APIClient().post(URL, {"code": "print(1)", "mode": "run"}, format="json")
    assert response.status_code in (401, 403) and not Submission.objects.exists()


def test_the_same_idempotency_key_returns_the_first_submission(api):
    first = post(api, code="print(1)", mode="run", idempotency_key="clave-1")
    second = post(api, code="print(2)", mode="run", idempotency_key="clave-1")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.data["id"] == second.data["id"] and Submission.objects.count() == 1


def test_only_the_owner_can_read_a_submission(api, student, other_student):
    mine = SubmissionFactory(user=student)
    theirs = SubmissionFactory(user=other_student, code="print('secreto')")
    assert api.get(f"{URL}{mine.pk}/").status_code == 200
    response = api.get(f"{URL}{theirs.pk}/")
    assert response.status_code == 404 and "secreto" not in json.dumps(response.data)
    assert api.get(f"{URL}00000000-0000-4000-8000-000000000000/").status_code == 404


def test_the_result_is_returned_as_top_level_fields(api, student):
    row = SubmissionFactory(user=student, mode="submit", code="x", status="failed", score=3, max_score=10,
                                    checks=[{"name": "forma", "passed": False, "message": "mal"}],
                                    stdout="hola\n", figures=["iVBOR"], device="cpu", duration_ms=120)
    data = api.get(f"{URL}{row.pk}/").data
    assert (data["status"], data["score"], data["stdout"], data["device"]) == ("failed", 3, "hola\n", "cpu")
    assert data["checks"][0]["message"] == "mal" and data["figures"] == ["iVBOR"]


def test_the_list_shows_only_my_attempts_for_an_exercise(api, student, other_student, exercise):
    SubmissionFactory(user=student, exercise=exercise, mode="submit", code="a")
    SubmissionFactory(user=other_student, exercise=exercise, mode="submit", code="b")
    data = api.get(URL, {"exercise": str(exercise.uuid)}).data
    assert data["count"] == 1 and len(data["results"]) == 1


def test_too_many_submissions_get_429_with_retry_after(api, monkeypatch):
    monkeypatch.setattr(SubmissionThrottle, "rate", "2/min", raising=False)
    statuses = [post(api, code="print(1)", mode="run").status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    response = post(api, code="print(1)", mode="run")
    assert int(response["Retry-After"]) > 0
    assert Submission.objects.count() == 2


def test_token_authentication_works(student):
    token = PersonalTokenFactory(user=student)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.raw}")
    assert client.post(URL, {"code": "print(1)", "mode": "run"}, format="json").status_code == 201


def test_a_full_queue_answers_busy_creates_nothing_and_keeps_the_code(api, student, exercise, settings):
    settings.SUBMISSION_QUEUE_CAP = 2
    SubmissionFactory.create_batch(2, queue="cpu")
    code = "def reorganizar(x):\n    return x  # mi intento\n"
    before = Submission.objects.count()
    response = post(api, exercise=str(exercise.uuid), code=code, mode="submit")
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert "inténtalo de nuevo" in response.data["detail"]
    assert Submission.objects.count() == before
    assert ExerciseDraft.objects.get(user=student, exercise=exercise).code == code


def test_the_queue_takes_submissions_again_once_it_drains(api, settings):
    settings.SUBMISSION_QUEUE_CAP = 1
    waiting = SubmissionFactory(queue="cpu")
    assert post(api, exercise=None, code="print(1)", mode="run").status_code == 503
    Submission.objects.filter(pk=waiting.pk).update(status="completed")
    assert post(api, exercise=None, code="print(1)", mode="run").status_code == 201


def test_a_retried_request_of_an_accepted_submission_is_never_refused_as_busy(api, settings):
    first = post(api, exercise=None, code="print(1)", mode="run", idempotency_key="k-1")
    settings.SUBMISSION_QUEUE_CAP = 1
    again = post(api, exercise=None, code="print(1)", mode="run", idempotency_key="k-1")
    assert first.status_code == 201 and again.status_code == 200 and again.data["id"] == first.data["id"]
