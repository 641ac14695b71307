import pytest
from django.core.management import call_command

from courses.models import Course, Exercise, Lesson

from .browsers import browser, page, screenshot  # noqa: F401  (shared fixtures)
from .factories import make_user, write_course
from .services import docker_client, worker  # noqa: F401  (shared fixtures)


@pytest.fixture
def course_dir(tmp_path):
    return write_course(tmp_path)


@pytest.fixture
def course(db, course_dir):
    call_command("sync_content", str(course_dir), verbosity=0)
    return Course.objects.get(slug="curso-mini")


@pytest.fixture
def lesson(course):
    return Lesson.objects.get(course=course, slug="shapes-y-dtypes")


@pytest.fixture
def exercise(course):
    return Exercise.objects.get(slug="reorganizar-lote")


@pytest.fixture
def student(db):
    return make_user("ana")


@pytest.fixture
def other_student(db):
    return make_user("bruno")
