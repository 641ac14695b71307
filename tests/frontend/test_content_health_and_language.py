"""The admins' content health page, and the interface language (Spanish unless another is chosen)."""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from courses.models import ContentSync, Exercise
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admins_see_sync_problems_failing_exercises_and_lessons_without_exercises(client, course, course_dir):
    (next(course_dir.rglob("section.yaml")).parent / "1.1.9-roto.md").write_text("sin cabecera\n")
    with pytest.raises(CommandError):
        call_command("sync_content", str(course_dir), verbosity=0)
    Exercise.objects.filter(slug="reorganizar-lote").update(validation_ok=False,
                                                             validation_report="wrong/x.py was not failed: passed")
    client.force_login(make_user("jefa", is_superuser=True, is_staff=True))
    html = client.get(reverse("content-health")).content.decode()
    assert "1.1.9-roto.md:1: falta la cabecera YAML" in html
    assert "wrong/x.py was not failed" in html
    assert ContentSync.objects.count() == 2 and ContentSync.objects.first().problems


def test_the_content_health_page_is_404_for_everyone_else(client, course, student):
    client.force_login(student)
    assert client.get(reverse("content-health")).status_code == 404


def test_the_interface_is_spanish_even_for_an_english_browser(client, course):
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Crear cuenta" in html and '<html lang="es">' in html


def test_english_can_be_chosen_from_the_footer(client, course):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html and "Sign up" in html
