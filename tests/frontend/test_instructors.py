"""Classes, roles and dashboards. Users in these tests:
- `teacher` (instructor) owns `classroom`, where `student` is a member;
- `other_teacher` (instructor) owns no class here and must see nothing of it;
- `other_student` is in no class; admins (superusers) see every class.
Every forbidden access answers 404, so nobody learns what exists."""
import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from courses import misconceptions, roles
from courses.models import Classroom, HintReveal, Membership
from frontend import dashboards
from runner import lifecycle
from runner.models import Mode, Submission
from tests.factories import ClassroomFactory, MembershipFactory, SubmissionFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(db):
    user = make_user("profe")
    roles.grant(user, roles.INSTRUCTOR)
    return user


@pytest.fixture
def other_teacher(db):
    user = make_user("otra-profe")
    roles.grant(user, roles.INSTRUCTOR)
    return user


@pytest.fixture
def classroom(course, teacher, student):
    classroom = ClassroomFactory(course=course, instructor=teacher, name="Grupo A")
    MembershipFactory(classroom=classroom, student=student)
    return classroom


def attempt(user, exercise, status, minutes_ago=0, checks=None, error=None, code="x = 1"):
    """A graded submission that ended `minutes_ago`, reported to `courses` as the worker reports it."""
    when = timezone.now() - timedelta(minutes=minutes_ago)
    row = SubmissionFactory(user=user, exercise=exercise, mode=Mode.SUBMIT, code=code, status=status,
                            checks=checks or [], error=error, finished_at=when)
    Submission.objects.filter(pk=row.pk).update(created_at=when)
    lifecycle.report_verdict(row)
    return row


def classroom_urls(classroom, student):
    return [reverse("classroom", args=[classroom.pk]), reverse("classroom-exercises", args=[classroom.pk]),
            reverse("classroom-student", args=[classroom.pk, student.pk]),
            reverse("classroom-matrix-csv", args=[classroom.pk]),
            reverse("classroom-statistics-csv", args=[classroom.pk])]


def test_the_instructor_sees_every_page_of_their_class(client, classroom, teacher, student):
    client.force_login(teacher)
    for url in classroom_urls(classroom, student) + [reverse("classrooms")]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["student", "other_student", "other_teacher"])
def test_nobody_else_gets_anything_but_404(client, classroom, student, other_student, other_teacher, who):
    client.force_login({"student": student, "other_student": other_student, "other_teacher": other_teacher}[who])
    for url in classroom_urls(classroom, student):
        assert client.get(url).status_code == 404, url


def test_students_cannot_open_the_instructor_area(client, student):
    client.force_login(student)
    assert client.get(reverse("classrooms")).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, classroom, student):
    for url in classroom_urls(classroom, student):
        assert client.get(url).status_code == 302


def test_a_student_of_another_class_is_404_in_the_drill_down(client, classroom, teacher, other_student):
    client.force_login(teacher)
    assert client.get(reverse("classroom-student", args=[classroom.pk, other_student.pk])).status_code == 404


def test_an_admin_sees_every_class(client, classroom, student):
    admin = make_user("jefa", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get(reverse("classroom", args=[classroom.pk])).status_code == 200


def test_instructor_creates_a_class_and_a_student_joins_with_the_code(client, course, teacher, other_student):
    client.force_login(teacher)
    response = client.post(reverse("classrooms"), {"name": "Grupo B", "course": course.pk})
    classroom = Classroom.objects.get(name="Grupo B")
    assert response.status_code == 302 and classroom.instructor == teacher and len(classroom.join_code) == 8
    client.force_login(other_student)
    assert client.post(reverse("join"), {"code": classroom.join_code.lower()}).status_code == 302
    assert classroom.students.filter(pk=other_student.pk).exists()
    assert client.post(reverse("join"), {"code": "NOEXISTE"}).status_code == 200


def test_the_join_link_shows_the_class_and_joins_on_post(client, classroom, other_student):
    client.force_login(other_student)
    url = reverse("join-code", args=[classroom.join_code])
    assert "Grupo A" in client.get(url).content.decode()
    client.post(url)
    assert Membership.objects.filter(classroom=classroom, student=other_student).exists()


def test_instructors_read_their_students_submissions_and_nobody_else_does(classroom, teacher, other_teacher,
                                                                          student, exercise):
    row = attempt(student, exercise, "failed")
    api = APIClient()
    api.force_authenticate(teacher)
    assert api.get(f"/api/submissions/{row.pk}/").status_code == 200
    api.force_authenticate(other_teacher)
    assert api.get(f"/api/submissions/{row.pk}/").status_code == 404


def test_the_matrix_marks_done_tried_and_untouched_with_totals(classroom, student, exercise, course):
    other = make_user("carla")
    MembershipFactory(classroom=classroom, student=other)
    attempt(student, exercise, "failed", minutes_ago=10)
    attempt(student, exercise, "passed", minutes_ago=5)
    for minutes in (3, 2, 1):
        attempt(other, exercise, "failed", minutes_ago=minutes)
    overview = dashboards.class_overview(classroom)
    rows = {r.student.username: r for r in overview["rows"]}
    code_column = [e.slug for e in overview["exercises"]].index("reorganizar-lote")
    assert rows["ana"].cells[code_column] == "done" and rows["ana"].passed == 1
    assert rows["carla"].cells[code_column] == "tried" and rows["carla"].passed == 0
    assert rows["carla"].stuck_on == [(exercise, 3)] and rows["ana"].stuck_on == []
    quiz_column = [e.slug for e in overview["exercises"]].index("test-broadcasting")
    assert rows["ana"].cells[quiz_column] == ""


def test_exercise_statistics_on_hand_made_data(classroom, student, exercise):
    other = make_user("carla")
    MembershipFactory(classroom=classroom, student=other)
    failing = [{"name": "forma", "passed": False, "message": "mal"}, {"name": "valores", "passed": True}]
    attempt(student, exercise, "failed", minutes_ago=30, checks=failing)
    attempt(student, exercise, "failed", minutes_ago=20, checks=failing)
    attempt(student, exercise, "passed", minutes_ago=10)
    attempt(other, exercise, "passed", minutes_ago=4)
    HintReveal.objects.create(user=student, exercise=exercise, index=0)
    stats = {s.exercise.slug: s for s in dashboards.exercise_statistics(classroom)}["reorganizar-lote"]
    assert (stats.attempts, stats.students, stats.passed, stats.pass_rate) == (4, 2, 2, 100)
    assert stats.median_attempts_to_pass == 2  # median of 3 and 1
    assert stats.median_minutes_to_pass == 10.0  # median of 20 and 0
    assert stats.hints == 1 and stats.failing_checks == [("forma", 2)]


def test_misconceptions_group_failures_by_signature(classroom, student, exercise):
    shape = {"type": "RuntimeError", "message": "mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)"}
    attempt(student, exercise, "error", error=shape)
    attempt(student, exercise, "error", error={**shape, "message": "mat1 and mat2 shapes cannot be multiplied (2x2 and 9x9)"})
    attempt(student, exercise, "timeout")
    attempt(student, exercise, "failed", checks=[{"name": "forma", "passed": False, "message": "contiene NaN o infinito."}])
    report = {(m["signature"], m["count"]) for m in dashboards.misconception_report(classroom)}
    assert ("Formas incompatibles (shape)", 2) in report
    assert ("Tiempo agotado", 1) in report
    assert ("NaN o infinito — forma", 1) in report


def test_error_signatures_name_the_usual_pytorch_mistakes():
    sig = misconceptions.signatures
    assert sig("error", {"type": "RuntimeError", "message": "Expected all tensors to be on the same device"}, [])[0].startswith("Dispositivos")
    assert sig("error", {"type": "RuntimeError", "message": "expected scalar type Long but found Float"}, [])[0].startswith("Tipos")
    assert sig("error", {"type": "KeyError", "message": "'pesos' at step 12"}, []) == ["KeyError: X at step N"]
    assert sig("memory_limit", None, []) == ["Memoria agotada"]


def test_the_csv_exports_hold_the_matrix_and_the_statistics(client, classroom, teacher, student, exercise):
    attempt(student, exercise, "passed")
    client.force_login(teacher)
    matrix = list(csv.reader(io.StringIO(client.get(reverse("classroom-matrix-csv", args=[classroom.pk])).content.decode())))
    assert matrix[0][:3] == ["alumno", "lecciones_completadas", "ejercicios_superados"]
    assert matrix[1][0] == "ana" and matrix[1][2] == "1" and "superado" in matrix[1]
    stats = list(csv.reader(io.StringIO(client.get(reverse("classroom-statistics-csv", args=[classroom.pk])).content.decode())))
    row = next(r for r in stats if r[0] == "reorganizar-lote")
    assert row[2:6] == ["1", "1", "1", "100"]


def test_the_student_dashboard_shows_progress_activity_and_classes(client, classroom, student, exercise):
    attempt(student, exercise, "passed")
    client.force_login(student)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Curso mini" in html and "Reorganizar un lote" in html and "Grupo A" in html
    assert "1 de 2 ejercicios superados" in html
