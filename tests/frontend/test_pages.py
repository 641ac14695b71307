"""Pages for anonymous and signed-in students, progress maths, and who may see or change what."""
import pytest
from django.urls import reverse

from courses import progress
from courses.models import Lesson, LessonProgress

pytestmark = pytest.mark.django_db


def test_home_lists_the_course(client, course):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Curso mini" in response.content.decode()


def test_course_page_shows_units_sections_and_lessons_to_anonymous_visitors(client, course):
    html = client.get(reverse("course", args=["curso-mini"])).content.decode()
    assert "Unidad 1 — Tensores" in html and "1.1 — Lo básico" in html and "Broadcasting" in html
    assert "Tu progreso" not in html


def test_unknown_course_and_lesson_are_404(client, course):
    assert client.get(reverse("course", args=["no-existe"])).status_code == 404
    assert client.get(reverse("lesson", args=["curso-mini", "no-existe"])).status_code == 404


def test_lesson_page_has_toc_navigation_and_exercise(client, course, student):
    client.force_login(student)
    html = client.get(reverse("lesson", args=["curso-mini", "shapes-y-dtypes"])).content.decode()
    assert 'href="#apartado"' in html
    assert "Broadcasting →" in html
    assert "Reorganizar un lote de imágenes" in html and "Marcar como completada" in html


def test_viewing_a_lesson_records_it_for_that_student_only(client, lesson, student, other_student):
    client.force_login(student)
    client.get(lesson.get_absolute_url())
    assert LessonProgress.objects.filter(user=student, lesson=lesson, completed_at__isnull=True).exists()
    assert not LessonProgress.objects.filter(user=other_student).exists()


def test_marking_a_lesson_done_moves_the_course_progress(client, course, lesson, student):
    client.force_login(student)
    response = client.post(reverse("lesson-complete", args=["curso-mini", lesson.slug]))
    assert response.status_code == 302
    html = client.get(reverse("course", args=["curso-mini"])).content.decode()
    assert 'aria-valuenow="50"' in html and "50% · 1/2" in html


def test_marking_done_requires_login_and_post(client, lesson):
    url = reverse("lesson-complete", args=["curso-mini", lesson.slug])
    assert client.post(url).status_code == 302 and not LessonProgress.objects.exists()
    assert "/cuentas/login/" in client.post(url)["Location"]


def test_progress_maths_per_section_unit_and_course(course, student):
    lessons = list(Lesson.objects.filter(course=course))
    progress.mark_completed(student, lessons[0])
    result = progress.course_progress(student, course)
    assert (result["course"].done, result["course"].total, result["course"].percent) == (1, 2, 50)
    unit_id = lessons[0].section.unit_id
    assert result["units"][unit_id].percent == 50
    assert result["sections"][lessons[0].section_id].done == 1
    progress.mark_incomplete(student, lessons[0])
    assert progress.course_progress(student, course)["course"].percent == 0


def test_a_student_sees_only_their_own_progress(client, course, lesson, student, other_student):
    progress.mark_completed(other_student, lesson)
    client.force_login(student)
    html = client.get(reverse("course", args=["curso-mini"])).content.decode()
    assert "0% · 0/2" in html


def test_continue_where_you_left_off_points_to_the_next_lesson(client, course, lesson, student):
    progress.mark_completed(student, lesson)
    client.force_login(student)
    html = client.get(reverse("course", args=["curso-mini"])).content.decode()
    assert "Continuar donde lo dejaste" in html and "1.1.2 Broadcasting" in html


def test_signup_creates_the_account_and_logs_in(client, course):
    response = client.post(reverse("signup"), {"username": "nuevo", "password1": "Una-clave-larga-9",
                                                 "password2": "Una-clave-larga-9"})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].username == "nuevo"


def test_password_reset_sends_an_email(client, student, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": student.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and student.email in mailoutbox[0].to


def test_login_and_logout(client, student):
    assert client.post(reverse("login"), {"username": "ana", "password": "clave-segura-123"}).status_code == 302
    assert client.post(reverse("logout")).status_code == 302
