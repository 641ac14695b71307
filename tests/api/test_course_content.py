"""Reading the course: the tree, lessons as HTML (Markdown for staff only), exercises never with their answers."""
import json

import pytest

from courses.models import Exercise
from tests.api.conftest import client_with_token
from tests.factories import PersonalTokenFactory, make_user

pytestmark = pytest.mark.django_db


def test_courses_are_listed_in_pages(api, course):
    data = api.get("/api/courses/", {"page_size": 1}).data
    assert data["count"] == 1 and data["results"][0]["slug"] == "curso-mini" and "next" in data


def test_unpublished_courses_are_hidden(api, course):
    course.published = False
    course.save()
    assert api.get("/api/courses/").data["count"] == 0
    assert api.get("/api/courses/curso-mini/").status_code == 404


def test_a_course_comes_with_units_sections_and_lessons(api, course):
    data = api.get("/api/courses/curso-mini/").data
    lessons = data["units"][0]["sections"][0]["lessons"]
    assert [lesson["slug"] for lesson in lessons] == ["shapes-y-dtypes", "broadcasting"]


def test_a_lesson_is_rendered_html_and_hides_its_markdown_from_students(api, course):
    data = api.get("/api/courses/curso-mini/lessons/shapes-y-dtypes/").data
    assert "<p>Primer párrafo" in data["body_html"] and data["body_markdown"] is None


def test_staff_read_the_markdown_source(course):
    staff = make_user("editora", is_staff=True)
    client = client_with_token(PersonalTokenFactory(user=staff).raw)
    data = client.get("/api/courses/curso-mini/lessons/shapes-y-dtypes/").data
    assert data["body_markdown"].startswith("Primer párrafo")


def test_an_unknown_lesson_is_404(api, course):
    assert api.get("/api/courses/curso-mini/lessons/no-existe/").status_code == 404


def test_an_exercise_never_shows_checks_or_solution(api, exercise):
    data = api.get(f"/api/exercises/{exercise.uuid}/").data
    text = json.dumps(data)
    assert data["starter_code"] == exercise.starter_code and data["hints_revealed"] == []
    assert exercise.solution_code.strip() not in text and exercise.checks_code.strip() not in text
    assert "solution_code" not in data and "checks_code" not in data and data["instructions_markdown"] is None


def test_a_quiz_shows_questions_without_answers(api, course):
    quiz = Exercise.objects.get(slug="test-broadcasting")
    data = api.get(f"/api/exercises/{quiz.uuid}/").data
    assert data["questions"][0]["options"] == ["(3, 4)", "(3, 1)"]
    assert "correct" not in json.dumps(data) and "explanation" not in json.dumps(data)


def test_revealed_hints_and_the_draft_show_in_the_exercise(api, exercise):
    api.post(f"/api/exercises/{exercise.uuid}/hints/")
    api.put(f"/api/exercises/{exercise.uuid}/draft/", {"code": "mi borrador"}, format="json")
    data = api.get(f"/api/exercises/{exercise.uuid}/").data
    assert data["hints_revealed"] == exercise.hints[:1] and data["initial_code"] == "mi borrador"


def test_exercises_filter_by_unit_lesson_and_kind(api, course, exercise):
    unit = course.units.get()
    assert api.get("/api/exercises/", {"unit": str(unit.uuid)}).data["count"] == 2
    assert api.get("/api/exercises/", {"unit": "00000000-0000-4000-8000-000000000000"}).data["count"] == 0
    rows = api.get("/api/exercises/", {"kind": "quiz"}).data["results"]
    assert [row["slug"] for row in rows] == ["test-broadcasting"]
    assert api.get("/api/exercises/", {"lesson": str(exercise.lesson.uuid)}).data["results"][0]["slug"] == exercise.slug


@pytest.mark.parametrize("query", [{"unit": "junk"}, {"kind": "essay"}, {"page": "abc"}, {"page": 99}])
def test_bad_filters_and_pages_get_a_clear_4xx(api, course, query):
    assert api.get("/api/exercises/", query).status_code in (400, 404)


def test_page_size_is_capped(api, course):
    assert len(api.get("/api/exercises/", {"page_size": 100000}).data["results"]) == 2
