"""Instructor endpoints: their own classes only, the dashboards' numbers, CSV by content negotiation."""
import csv
import io

import pytest

from courses import roles
from courses.models import FailureSignature
from courses.verdicts import Verdict
from tests.api.conftest import client_with_token
from tests.factories import PASSWORD, ClassroomFactory, ExerciseResultFactory, PersonalTokenFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def results(classroom, student, exercise):
    ExerciseResultFactory(user=student, exercise=exercise, attempts=3, last_status=Verdict.FAILED)
    FailureSignature.objects.create(attempt_id="00000000-0000-4000-8000-000000000001", user=student,
                                    exercise=exercise, signature="Formas incompatibles (shape) — forma",
                                    check_name="forma")


def test_an_instructor_lists_only_their_classes(instructor_api, classroom, course):
    ClassroomFactory(course=course)  # another instructor's
    rows = instructor_api.get("/api/classes/").data["results"]
    assert [(row["id"], row["students"]) for row in rows] == [(classroom.pk, 1)]


def test_another_instructors_class_is_404_everywhere(classroom, course):
    other = make_user("otro-profesor")
    roles.grant(other, roles.INSTRUCTOR)
    client = client_with_token(PersonalTokenFactory(user=other).raw)
    for path in ["", "members/", "progress/", "exercises/", "misconceptions/"]:
        assert client.get(f"/api/classes/{classroom.pk}/{path}").status_code == 404, path


def test_students_get_404_from_instructor_endpoints(api, classroom):
    assert api.get("/api/classes/").status_code == 404
    assert api.get(f"/api/classes/{classroom.pk}/progress/").status_code == 404


def test_members_are_listed(instructor_api, classroom, student):
    rows = instructor_api.get(f"/api/classes/{classroom.pk}/members/").data["results"]
    assert [row["username"] for row in rows] == [student.username]


def test_the_progress_matrix_has_one_cell_per_exercise(instructor_api, classroom, exercise, results):
    rows = instructor_api.get(f"/api/classes/{classroom.pk}/progress/").data["results"]
    cells = {cell["exercise"]: cell["state"] for cell in rows[0]["cells"]}
    assert cells[str(exercise.uuid)] == "tried" and rows[0]["attempted"] == 1
    assert [e["slug"] for e in rows[0]["stuck_on"]] == [exercise.slug]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("how", [{"HTTP_ACCEPT": "text/csv"}, {"QUERY_STRING": "format=csv"}])
def test_the_matrix_as_csv_equals_the_dashboards_download(instructor_api, client, instructor, classroom, results,
                                                           how):
    response = instructor_api.get(f"/api/classes/{classroom.pk}/progress/", **how)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    client.login(username=instructor.username, password=PASSWORD)
    page = client.get(f"/profesor/grupos/{classroom.pk}/progreso.csv")
    assert csv_rows(response) == csv_rows(page) and csv_rows(response)[1][0] == "ana"


def test_exercise_statistics_as_json_and_csv(instructor_api, client, instructor, classroom, exercise, results):
    rows = instructor_api.get(f"/api/classes/{classroom.pk}/exercises/").data["results"]
    mine = next(row for row in rows if row["exercise"]["slug"] == exercise.slug)
    assert (mine["students"], mine["attempts"], mine["passed"]) == (1, 3, 0)
    assert mine["failing_checks"] == [{"check": "forma", "count": 1}]
    client.login(username=instructor.username, password=PASSWORD)
    page = client.get(f"/profesor/grupos/{classroom.pk}/ejercicios.csv")
    api_csv = instructor_api.get(f"/api/classes/{classroom.pk}/exercises/", HTTP_ACCEPT="text/csv")
    assert csv_rows(api_csv) == csv_rows(page)


def test_misconceptions_group_failures_and_filter_by_exercise(instructor_api, classroom, exercise, results):
    rows = instructor_api.get(f"/api/classes/{classroom.pk}/misconceptions/").data["results"]
    assert [(row["signature"], row["count"]) for row in rows] == [("Formas incompatibles (shape) — forma", 1)]
    filtered = instructor_api.get(f"/api/classes/{classroom.pk}/misconceptions/",
                                  {"exercise": "00000000-0000-4000-8000-000000000000"})
    assert filtered.status_code == 400
