"""A quiz runs no code: saving it publishes at once, after the loader's quiz rules accept it."""
import pytest
from django.urls import reverse

from courses.models import Exercise

from .conftest import git

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(studio_course):
    return Exercise.objects.get(slug="test-broadcasting")


@pytest.fixture
def quiz_file(studio_course):
    return next(studio_course.rglob("test-broadcasting/exercise.yaml"))


def form_data(client, quiz, **changes):
    return {**client.get(reverse("studio:quiz", args=[quiz.uuid])).context["form"].initial, **changes}


def test_a_quiz_is_listed_and_saved_to_its_file_synced_and_committed(author_client, quiz, quiz_file):
    assert reverse("studio:quiz", args=[quiz.uuid]) in author_client.get(reverse("studio:index")).content.decode()
    data = form_data(author_client, quiz, title="Test de broadcasting (repaso)")
    data["questions"] = data["questions"].replace("(3, 4)", "(3, 4), una fila por elemento de la primera")
    assert author_client.post(reverse("studio:quiz", args=[quiz.uuid]), data).status_code == 302
    text = quiz_file.read_text()
    assert "title: Test de broadcasting (repaso)\n" in text and "una fila por elemento" in text
    assert text.startswith("uuid: 55555555-5555-4555-8555-555555555555\n")
    assert Exercise.objects.get(pk=quiz.pk).title == "Test de broadcasting (repaso)"
    assert git(quiz_file.parent, "log", "-1", "--format=%s").startswith("Estudio: edita el test")


def test_an_unchanged_quiz_keeps_its_file_byte_for_byte(author_client, quiz, quiz_file):
    before = quiz_file.read_text()
    author_client.post(reverse("studio:quiz", args=[quiz.uuid]), form_data(author_client, quiz))
    assert quiz_file.read_text() == before


def test_a_question_without_a_correct_option_is_refused(author_client, quiz, quiz_file):
    before = quiz_file.read_text()
    data = form_data(author_client, quiz)
    data["questions"] = data["questions"].replace("correct: true", "correct: false")
    response = author_client.post(reverse("studio:quiz", args=[quiz.uuid]), data)
    assert response.status_code == 400 and "no tiene ninguna opción correcta" in response.content.decode()
    assert quiz_file.read_text() == before


def test_a_quiz_changed_on_disk_is_a_conflict_and_saving_again_keeps_mine(author_client, quiz, quiz_file):
    data = form_data(author_client, quiz, title="Mi título")
    theirs = quiz_file.read_text().replace("points: 4", "points: 5")
    quiz_file.write_text(theirs)
    response = author_client.post(reverse("studio:quiz", args=[quiz.uuid]), data)
    assert response.status_code == 409 and quiz_file.read_text() == theirs
    assert "-points: 5" in response.content.decode() or "points: 5" in response.content.decode()
    again = {**data, "base_hash": response.context["form"]["base_hash"].value()}
    assert author_client.post(reverse("studio:quiz", args=[quiz.uuid]), again).status_code == 302
    assert "title: Mi título" in quiz_file.read_text()
