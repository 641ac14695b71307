"""The Django admin keeps the data; content rows come from the files and are edited in the studio."""
import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_lessons_are_read_only_in_the_admin_so_no_edit_is_lost_to_a_sync(client, lesson_row, exercise_row):
    client.force_login(make_user("jefa", is_superuser=True, is_staff=True))
    page = client.get(reverse("admin:courses_lesson_change", args=[lesson_row.pk])).content.decode()
    assert 'name="body_markdown"' not in page and "Shapes" in page
    response = client.post(reverse("admin:courses_lesson_change", args=[lesson_row.pk]), {"title": "Cambiado"})
    assert response.status_code == 403
    exercises = client.get(reverse("admin:courses_exercise_changelist")).content.decode()
    assert "validate_in_sandbox" in exercises
