"""Launches from a real LTI 1.3 platform: accounts linked by platform and subject, roles, classes per LMS course."""
from django.contrib.auth import get_user_model
from lti_tool.models import LtiUser

from courses import roles
from courses.models import Classroom, Membership
from lti.models import LinkedClass

User = get_user_model()


def signed_in_user(session, tool):
    page = session.get(f"{tool}/panel/")
    assert page.status_code == 200
    return page


def test_an_instructors_first_launch_creates_the_class_and_lands_on_the_exercise(
        platform, tool, browser_session, lms_teacher, exercise):
    result = platform.launch(browser_session, tool, lms_teacher, custom={"exercise": str(exercise.uuid)})
    assert result.response.status_code == 302
    assert result.response.headers["Location"] == (
        f"/cursos/{exercise.lesson.course.slug}/lecciones/{exercise.lesson.slug}/#ejercicio-{exercise.slug}")
    teacher = LtiUser.objects.get(sub=lms_teacher.sub).auth_user
    assert roles.is_instructor(teacher) and not teacher.has_usable_password()
    classroom = Classroom.objects.get()
    assert (classroom.instructor, classroom.course, classroom.name) == (
        teacher, exercise.lesson.course, "Aprendizaje profundo 2025")
    assert LinkedClass.objects.get().context.id_on_platform == platform.context_id
    assert signed_in_user(browser_session, tool).url.endswith("/panel/")


def test_a_student_launch_links_one_account_and_joins_the_class(
        platform, tool, browser_session, lms_teacher, lms_student, lesson, requests_session_factory):
    platform.launch(requests_session_factory(), tool, lms_teacher, custom={"lesson": str(lesson.uuid)})
    first = platform.launch(browser_session, tool, lms_student, custom={"lesson": str(lesson.uuid)})
    assert first.response.status_code == 302
    assert first.response.headers["Location"] == f"/cursos/{lesson.course.slug}/lecciones/{lesson.slug}/"
    student = LtiUser.objects.get(sub=lms_student.sub).auth_user
    assert (student.first_name, student.last_name) == ("Lucía", "Pérez") and not roles.is_instructor(student)
    assert Membership.objects.filter(student=student, classroom=Classroom.objects.get()).exists()
    again = platform.launch(requests_session_factory(), tool, lms_student, custom={"lesson": str(lesson.uuid)})
    assert again.response.status_code == 302
    assert User.objects.filter(lti_users__sub=lms_student.sub).count() == 1
    assert Membership.objects.filter(student=student).count() == 1


def test_a_student_is_never_matched_to_an_account_by_email(platform, tool, browser_session, lms_student, lesson):
    existing = User.objects.create_user("lucia", email=lms_student.email, password="clave-segura-123")
    platform.launch(browser_session, tool, lms_student, custom={"lesson": str(lesson.uuid)})
    linked = LtiUser.objects.get(sub=lms_student.sub).auth_user
    assert linked != existing and linked.email == lms_student.email


def test_a_student_before_any_instructor_gets_a_clear_page_and_no_class(
        platform, tool, browser_session, lms_student, lesson):
    result = platform.launch(browser_session, tool, lms_student, custom={"lesson": str(lesson.uuid)})
    assert result.response.status_code == 200
    assert "Tu profesor aún no ha abierto este curso" in result.response.text
    assert lesson.title in result.response.text
    assert Classroom.objects.count() == 0 and LtiUser.objects.get(sub=lms_student.sub).auth_user is not None
