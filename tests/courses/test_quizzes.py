"""Quizzes are graded on the server; the page never sees the answer key."""
import pytest
from rest_framework.test import APIClient

from courses.models import Exercise, ExerciseResult, LessonProgress, QuizAttempt
from courses.quizzes import MAX_ATTEMPTS_PER_HOUR

pytestmark = pytest.mark.django_db
URL = "/api/quiz-attempts/"


@pytest.fixture
def quiz(course):
    return Exercise.objects.get(slug="test-broadcasting")


@pytest.fixture
def api(student):
    client = APIClient()
    client.force_authenticate(student)
    return client


def test_right_answers_pass_score_and_complete_the_lesson(api, quiz, student):
    response = api.post(URL, {"exercise": str(quiz.uuid), "answers": [[0], [1, 0]]}, format="json")
    assert response.status_code == 201
    assert (response.data["status"], response.data["score"], response.data["max_score"]) == ("passed", 4, 4)
    assert LessonProgress.objects.get(user=student, lesson=quiz.lesson).completed_at is not None


def test_a_failed_attempt_says_how_many_are_right_but_not_which(api, quiz, student):
    data = api.post(URL, {"exercise": str(quiz.uuid), "answers": [[0], [0]]}, format="json").data
    assert data["status"] == "failed" and (data["correct"], data["questions"]) == (1, 2)
    assert data["checks"] == [] and "1 de 2" in data["message"]
    assert "se expande" not in str(data) and "[0, 1]" not in str(data)
    result = ExerciseResult.objects.get(user=student, exercise=quiz)
    assert (result.attempts, result.passed) == (1, False)


def test_a_passed_attempt_shows_every_explanation_and_the_correct_options(api, quiz):
    data = api.post(URL, {"exercise": str(quiz.uuid), "answers": [[0], [0, 1]]}, format="json").data
    assert data["status"] == "passed" and "se expande al tamaño" in data["checks"][0]["message"]
    assert data["checks"][1]["correct"] == [0, 1]


def test_trying_options_one_at_a_time_runs_out_of_attempts(api, quiz):
    tries = [[[1], [i]] for i in range(2)] + [[[1], [0, 1]], [[1], [1, 2]], [[1], [2]], [[1], [0, 2]]]
    codes = [api.post(URL, {"exercise": str(quiz.uuid), "answers": a}, format="json").status_code for a in tries]
    assert codes == [201] * MAX_ATTEMPTS_PER_HOUR
    blocked = api.post(URL, {"exercise": str(quiz.uuid), "answers": [[0], [0, 1]]}, format="json")
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    assert QuizAttempt.objects.count() == MAX_ATTEMPTS_PER_HOUR


@pytest.mark.parametrize("answers", [[[0]], [[0], [7]], [[0, 1], [0]], [[0], [1, 1]], "x", [["a"], [0]]])
def test_answers_that_do_not_fit_the_quiz_get_400_and_store_nothing(api, quiz, answers):
    response = api.post(URL, {"exercise": str(quiz.uuid), "answers": answers}, format="json")
    assert response.status_code == 400 and not QuizAttempt.objects.exists()


def test_a_code_exercise_is_not_a_quiz(api, exercise):
    response = api.post(URL, {"exercise": str(exercise.uuid), "answers": [[0]]}, format="json")
    assert response.status_code == 400


def test_the_lesson_page_does_not_contain_the_answer_key(client, quiz, student):
    client.force_login(student)
    html = client.get(quiz.lesson.get_absolute_url()).content.decode()
    assert "¿Qué forma tiene el resultado" in html and 'type="checkbox"' in html
    assert "correct:" not in html and "\"correct\"" not in html and "se expande al tamaño" not in html
