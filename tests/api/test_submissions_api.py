"""Following submissions through the API: paged and filtered lists, owner-only reads, ETag polling answered 304."""
import pytest
from django.utils import timezone

from courses.api.common import ApiThrottle
from runner.models import Mode, Status
from tests.api.conftest import client_with_token
from tests.factories import ClassroomFactory, MembershipFactory, PersonalTokenFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
URL = "/api/submissions/"


def test_the_list_is_paged(api, student):
    SubmissionFactory.create_batch(3, user=student)
    first = api.get(URL, {"page_size": 2}).data
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    assert len(api.get(first["next"]).data["results"]) == 1


def test_the_list_filters_by_status_mode_exercise_unit_and_date(api, student, exercise):
    SubmissionFactory(user=student, exercise=exercise, mode=Mode.SUBMIT, status=Status.FAILED)
    SubmissionFactory(user=student, mode=Mode.RUN, status=Status.COMPLETED)
    assert api.get(URL, {"status": "failed"}).data["count"] == 1
    assert api.get(URL, {"mode": "run"}).data["count"] == 1
    unit = exercise.lesson.section.unit
    assert api.get(URL, {"unit": str(unit.uuid)}).data["results"][0]["exercise"] == str(exercise.uuid)
    assert api.get(URL, {"until": "2000-01-01T00:00:00Z"}).data["count"] == 0
    assert api.get(URL, {"status": "ganado"}).status_code == 400


def test_another_students_submission_is_404_and_absent_from_my_list(api, other_student):
    theirs = SubmissionFactory(user=other_student)
    assert api.get(f"{URL}{theirs.pk}/").status_code == 404
    assert api.get(f"{URL}{theirs.pk}/events/").status_code == 404
    assert api.get(URL).data["count"] == 0


def test_polling_with_the_etag_gets_304_until_the_submission_changes(api, student):
    row = SubmissionFactory(user=student)
    first = api.get(f"{URL}{row.pk}/")
    etag = first["ETag"]
    assert first.status_code == 200 and etag
    unchanged = api.get(f"{URL}{row.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    row.status, row.finished_at, row.stdout = Status.COMPLETED, timezone.now(), "hola\n"
    row.save()
    changed = api.get(f"{URL}{row.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag and changed.data["stdout"] == "hola\n"


def test_an_instructor_reads_a_members_submission_but_not_a_strangers(classroom, course, instructor, student,
                                                                     other_student):
    client = client_with_token(PersonalTokenFactory(user=instructor).raw)
    assert client.get(f"{URL}{SubmissionFactory(user=student).pk}/").status_code == 200
    assert client.get(f"{URL}{SubmissionFactory(user=other_student).pk}/").status_code == 404
    MembershipFactory(classroom=ClassroomFactory(course=course), student=other_student)  # someone else's class
    assert client.get(f"{URL}{SubmissionFactory(user=other_student).pk}/").status_code == 404


def test_throttles_count_per_token(student, monkeypatch):
    monkeypatch.setattr(ApiThrottle, "THROTTLE_RATES", {"api": "2/min"})
    one, two = (client_with_token(PersonalTokenFactory(user=student).raw) for _ in range(2))
    assert [one.get(URL).status_code for _ in range(3)] == [200, 200, 429]
    assert two.get(URL).status_code == 200
