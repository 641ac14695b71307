"""Roster sync through Names and Role Provisioning Services: learners join the class, instructors are counted."""
from lti_tool.models import LtiUser

from courses.models import Classroom, Membership

from .platform import INSTRUCTOR, LEARNER, Person, page_form


def test_an_instructor_syncs_the_roster_and_the_lms_learners_join_the_class(
        platform, tool, browser_session, lms_teacher, lms_student, lesson, requests_session_factory):
    platform.launch(browser_session, tool, lms_teacher, custom={"lesson": str(lesson.uuid)})
    platform.launch(requests_session_factory(), tool, lms_student, custom={"lesson": str(lesson.uuid)})
    classroom = Classroom.objects.get()
    platform.members = [lms_teacher, lms_student, Person("lms-nuevo-1", [LEARNER], "Íñigo", "Sáez"),
                        Person("lms-nuevo-2", [LEARNER], "Eva", "Gil"),
                        Person("lms-baja", [LEARNER], "Sin", "Acceso", status="Inactive"),
                        Person("lms-ayudante", ["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor"
                                                "#TeachingAssistant"], "Pau", "Vidal")]
    page = browser_session.get(f"{tool}/lti/grupos/{classroom.pk}/sincronizar/")
    assert page.status_code == 200 and "Sincronizar la lista del LMS" in page.text
    synced = browser_session.post(page.url, data=page_form(page.text)["fields"], headers={"Referer": page.url})
    assert synced.status_code == 200
    assert "Estudiantes añadidos al grupo: <strong>2</strong>" in synced.text
    assert "Estudiantes que ya estaban: 1" in synced.text and "(no se añaden como estudiantes): 2" in synced.text
    enrolled = set(Membership.objects.filter(classroom=classroom).values_list("student__lti_users__sub", flat=True))
    assert enrolled == {lms_student.sub, "lms-nuevo-1", "lms-nuevo-2"}
    newcomer = LtiUser.objects.get(sub="lms-nuevo-1").auth_user
    assert (newcomer.first_name, newcomer.last_name) == ("Íñigo", "Sáez")
    again = browser_session.post(page.url, data=page_form(page.text)["fields"], headers={"Referer": page.url})
    assert "Estudiantes añadidos al grupo: <strong>0</strong>" in again.text
    assert Membership.objects.filter(classroom=classroom).count() == 3
    later = platform.launch(requests_session_factory(), tool, Person("lms-nuevo-1", [LEARNER]),
                            custom={"lesson": str(lesson.uuid)})
    assert later.response.status_code == 302 and LtiUser.objects.get(sub="lms-nuevo-1").auth_user == newcomer


def test_the_roster_page_is_404_for_students_other_instructors_and_unlinked_classes(
        platform, tool, browser_session, lms_teacher, lms_student, lesson, requests_session_factory):
    platform.launch(browser_session, tool, lms_teacher, custom={"lesson": str(lesson.uuid)})
    classroom = Classroom.objects.get()
    student = requests_session_factory()
    platform.launch(student, tool, lms_student, custom={"lesson": str(lesson.uuid)})
    assert student.get(f"{tool}/lti/grupos/{classroom.pk}/sincronizar/").status_code == 404
    other = requests_session_factory()
    platform.context_id = "otro-curso"
    platform.launch(other, tool, Person("lms-profe-2", [INSTRUCTOR]), custom={"lesson": str(lesson.uuid)})
    assert other.get(f"{tool}/lti/grupos/{classroom.pk}/sincronizar/").status_code == 404
    unlinked = Classroom.objects.create(course=lesson.course, instructor=classroom.instructor, name="Sin LMS")
    assert browser_session.get(f"{tool}/lti/grupos/{unlinked.pk}/sincronizar/").status_code == 404
    assert browser_session.get(f"{tool}/lti/grupos/999999/sincronizar/").status_code == 404
