"""Only admins and instructors an admin allowed may see the studio; everyone else gets 404 on every URL."""
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from courses import roles
from tests.factories import make_user

from .factories import BlockRunFactory

QUIZ_UUID = "55555555-5555-4555-8555-555555555555"

pytestmark = pytest.mark.django_db


def studio_urls(lesson, exercise, run):
    return [
        ("get", reverse("studio:index")),
        ("post", reverse("studio:preview")),
        ("get", reverse("studio:document", args=[lesson.uuid])),
        ("post", reverse("studio:document", args=[lesson.uuid])),
        ("post", reverse("studio:resolve", args=[lesson.uuid])),
        ("get", reverse("studio:blocks", args=[run.pk])),
        ("get", reverse("studio:exercise", args=[exercise.uuid])),
        ("post", reverse("studio:exercise", args=[exercise.uuid])),
        ("get", reverse("studio:exercise-status", args=[exercise.uuid])),
        ("post", reverse("studio:publish", args=[exercise.uuid])),
        ("get", reverse("studio:history", args=[lesson.uuid])),
        ("post", reverse("studio:restore", args=[lesson.uuid])),
        ("get", reverse("studio:quiz", args=[QUIZ_UUID])),
        ("post", reverse("studio:quiz", args=[QUIZ_UUID])),
    ]


@pytest.fixture
def every_url(lesson_row, exercise_row):
    return studio_urls(lesson_row, exercise_row, BlockRunFactory(lesson=lesson_row))


@pytest.mark.parametrize("who", ["anonymous", "student", "instructor"])
def test_everyone_who_may_not_author_gets_404_on_every_studio_url(client, every_url, who):
    if who != "anonymous":
        user = make_user(who)
        roles.grant(user, roles.STUDENT if who == "student" else roles.INSTRUCTOR)
        client.force_login(user)
    for method, url in every_url:
        assert getattr(client, method)(url).status_code == 404, (who, method, url)


def test_an_instructor_an_admin_allowed_may_author(client, studio_course):
    teacher = make_user("profe")
    roles.grant(teacher, roles.INSTRUCTOR)
    teacher.user_permissions.add(Permission.objects.get(codename="author_content"))
    client.force_login(teacher)
    assert client.get(reverse("studio:index")).status_code == 200
    assert 'href="/estudio/"' in client.get(reverse("home")).content.decode()


def test_the_studio_link_is_only_in_the_navigation_of_authors(client, author_client, studio_course):
    assert 'href="/estudio/"' in author_client.get(reverse("home")).content.decode()
    client.logout()
    client.force_login(make_user("ana"))
    assert 'href="/estudio/"' not in client.get(reverse("home")).content.decode()


def test_unknown_items_are_404_for_authors_too(author_client, studio_course):
    assert author_client.get(reverse("studio:document", args=[uuid.uuid4()])).status_code == 404
    assert author_client.get(reverse("studio:exercise", args=[uuid.uuid4()])).status_code == 404
