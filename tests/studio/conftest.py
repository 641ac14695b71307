"""A course copied into a temporary git repository that CONTENT_DIR points at, and the people who may author."""
import subprocess

import pytest

from courses import content, roles
from courses.models import Exercise, Lesson
from studio.models import AuthorDraft
from tests.factories import LESSON_ONE_UUID, make_user, write_course


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def content_repo(tmp_path, settings):
    root = tmp_path / "content"
    course = write_course(root)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "-c", "user.name=Despliegue", "-c", "user.email=deploy@example.com", "commit", "--quiet", "-m", "Curso inicial")
    settings.CONTENT_DIR = root
    return course


@pytest.fixture
def studio_course(db, content_repo):
    content.sync_folder(content_repo)
    return content_repo


@pytest.fixture
def lesson_row(studio_course):
    return Lesson.objects.get(uuid=LESSON_ONE_UUID)


@pytest.fixture
def lesson_file(studio_course):
    return next(studio_course.rglob("1.1.1-shapes.md"))


@pytest.fixture
def exercise_row(studio_course):
    return Exercise.objects.get(slug="reorganizar-lote")


@pytest.fixture
def exercise_dir(studio_course):
    return next(studio_course.rglob("reorganizar-lote"))


@pytest.fixture
def author(db):
    """An admin: may author everything."""
    user = make_user("autora", first_name="Ana", last_name="Autora")
    roles.grant(user, roles.ADMIN)
    return user


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


def draft_of(exercise):
    return AuthorDraft.objects.filter(exercise=exercise).first()
