"""Drafts follow the student to another device; hints are revealed in order and recorded."""
import pytest
from rest_framework.test import APIClient

from courses.models import ExerciseDraft, HintReveal

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(student):
    client = APIClient()
    client.force_authenticate(student)
    return client


def test_a_saved_draft_is_what_the_editor_shows_next_time(api, client, exercise, student):
    response = api.put(f"/api/exercises/{exercise.uuid}/draft/", {"code": "x = 'mi borrador'"}, format="json")
    assert response.status_code == 200
    client.force_login(student)
    assert "x = &#x27;mi borrador&#x27;" in client.get(exercise.lesson.get_absolute_url()).content.decode()


def test_without_a_draft_the_starter_is_shown(client, exercise, student):
    client.force_login(student)
    assert "def aplanar_lote(x):" in client.get(exercise.lesson.get_absolute_url()).content.decode()


def test_drafts_are_per_student(api, exercise, other_student):
    api.put(f"/api/exercises/{exercise.uuid}/draft/", {"code": "mio"}, format="json")
    assert not ExerciseDraft.objects.filter(user=other_student).exists()


def test_a_bad_draft_is_refused(api, exercise):
    assert api.put(f"/api/exercises/{exercise.uuid}/draft/", {"code": "a\x00b"}, format="json").status_code == 400
    assert api.put(f"/api/exercises/{exercise.uuid}/draft/", {"code": "x" * 70000}, format="json").status_code == 400
    assert api.put("/api/exercises/00000000-0000-4000-8000-000000000000/draft/", {"code": "x"},
                   format="json").status_code == 404
    assert not ExerciseDraft.objects.exists()


def test_hints_are_revealed_one_at_a_time_in_order_and_recorded(api, exercise, student):
    assert api.get(f"/api/exercises/{exercise.uuid}/hints/").data["hints"] == []
    first = api.post(f"/api/exercises/{exercise.uuid}/hints/").data
    assert first["hints"] == exercise.hints[:1] and first["total"] == 3
    for _ in range(5):
        last = api.post(f"/api/exercises/{exercise.uuid}/hints/").data
    assert last["hints"] == exercise.hints
    assert list(HintReveal.objects.filter(user=student).values_list("index", flat=True).order_by("index")) == [0, 1, 2]


def test_the_page_shows_only_the_hints_already_revealed(api, client, exercise, student):
    api.post(f"/api/exercises/{exercise.uuid}/hints/")
    client.force_login(student)
    html = client.get(exercise.lesson.get_absolute_url()).content.decode()
    assert "Un lote de imágenes tiene forma" in html
    assert "necesitas permute" not in html
