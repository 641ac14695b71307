"""The web edge: junk in any query string is never a 500, bodies are capped before parsing, sign-ups per
address are limited, and limits are counted in the cache every web process shares."""
import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from courses import roles
from frontend.views import SignupThrottle
from runner.models import Submission
from tests.factories import ClassroomFactory, MembershipFactory, SubmissionFactory, make_user

pytestmark = pytest.mark.django_db
JUNK = "?inactivos=abc&page=-1&exercise=zz%00z&format=%ff&o=9x&p=abc&q=%00&e=%5B%5D&x[]=1&id=99999999999999999999"


def patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith("admin/"):
                continue  # Django's own admin, exercised below through its changelists
            yield from patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.pattern.converters


@pytest.fixture
def world(course, lesson, exercise, student):
    teacher = make_user("profe-bordes")
    roles.grant(teacher, roles.INSTRUCTOR)
    classroom = ClassroomFactory(course=course, instructor=teacher)
    MembershipFactory(classroom=classroom, student=student)
    submission = SubmissionFactory(user=student, exercise=exercise)
    return {"classroom_id": classroom.pk, "student_id": student.pk, "course_slug": course.slug,
            "lesson_slug": lesson.slug, "page_slug": "bienvenida", "exercise_id": exercise.uuid,
            "submission_id": submission.pk, "code": classroom.join_code, "path": "curso-mini/nada.svg",
            "teacher": teacher, "student": student}


def fill(route, values):
    path = route
    for name in list(values):
        for converter in ("int", "uuid", "slug", "str", "path"):
            path = path.replace(f"<{converter}:{name}>", str(values[name]))
    return "/" + path.replace("^", "").replace("$", "")


@pytest.mark.parametrize("who", ["anonymous", "student", "teacher", "admin"])
def test_every_page_answers_junk_parameters_without_a_server_error(client, world, who):
    if who == "admin":
        client.force_login(make_user("jefa", is_superuser=True, is_staff=True))
    elif who != "anonymous":
        client.force_login(world[who])
    urls = [fill(route, world) for route, _converters in patterns() if "<" not in fill(route, world)]
    assert len(urls) > 20
    urls += ["/admin/courses/exercise/", "/admin/runner/submission/", "/admin/courses/lesson/"]
    failures = []
    for url in urls:
        for method in (client.get, client.post):
            response = method(url + JUNK)
            if response.status_code >= 500:
                failures.append(f"{method.__name__.upper()} {url}: {response.status_code}")
    assert not failures, failures


def test_a_body_over_the_cap_is_refused_before_parsing_and_stores_nothing(student, exercise):
    api = APIClient()
    api.force_authenticate(student)
    body = '{"mode": "run", "code": "' + "x" * (settings.MAX_REQUEST_BYTES + 10) + '"}'
    response = api.post("/api/submissions/", body, content_type="application/json")
    assert response.status_code == 413 and "KiB" in response.json()["detail"]
    assert not Submission.objects.exists()


def test_sign_ups_from_one_address_are_limited(client, course, monkeypatch):
    monkeypatch.setattr(SignupThrottle, "rate", "2/hour", raising=False)
    cache.clear()
    codes = []
    for n in range(3):
        response = client.post("/registro/", {"username": f"nuevo{n}", "password1": "Una-clave-larga-9",
                                              "password2": "Una-clave-larga-9"}, REMOTE_ADDR="203.0.113.7")
        codes.append(response.status_code)
        client.logout()
    assert codes == [302, 302, 429]
    other = client.post("/registro/", {"username": "otra", "password1": "Una-clave-larga-9",
                                       "password2": "Una-clave-larga-9"}, REMOTE_ADDR="203.0.113.8")
    assert other.status_code == 302


@pytest.mark.skipif(not settings.REDIS_URL, reason="the shared cache is Redis only when REDIS_URL is set")
def test_with_redis_the_limits_are_counted_in_redis(student):
    import redis

    cache.clear()
    api = APIClient()
    api.force_authenticate(student)
    api.post("/api/submissions/", {"mode": "run", "code": "print(1)"}, format="json")
    keys = redis.Redis.from_url(settings.REDIS_URL).keys("*throttle_submissions*")
    assert keys, "the submissions throttle did not count in Redis"
