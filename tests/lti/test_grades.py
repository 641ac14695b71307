"""Grade passback through Assignment and Grade Services, with the real worker: every final verdict on an exercise
launched from the LMS posts the best score so far to its line item; a failing LMS is retried and never touches
the verdict."""
import time

import pytest
from rest_framework.test import APIClient

from courses import quizzes
from courses.models import Exercise, ExerciseResult, QuizAttempt
from lti.models import ScoreTarget
from tests.factories import EXERCISE_TEMPLATE

pytestmark = [pytest.mark.integration]


def wait_until(condition, timeout=90, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"{what} not met after {timeout}s")


@pytest.fixture
def quiz(course):
    return Exercise.objects.get(slug="test-broadcasting")


def launched_student(platform, tool, session, lms_student, exercise):
    result = platform.launch(session, tool, lms_student, custom={"exercise": str(exercise.uuid)})
    assert result.response.status_code in (200, 302)
    return ScoreTarget.objects.get(exercise=exercise, lti_user__sub=lms_student.sub)


def test_a_submissions_score_arrives_at_the_platforms_line_item(
        worker, platform, tool, browser_session, lms_teacher, lms_student, exercise, requests_session_factory):
    platform.launch(requests_session_factory(), tool, lms_teacher, custom={"exercise": str(exercise.uuid)})
    target = launched_student(platform, tool, browser_session, lms_student, exercise)
    line_item = platform.line_item_of(exercise.uuid)
    assert line_item is not None and target.line_item.url == line_item["id"]
    assert line_item["scoreMaximum"] == exercise.points and line_item["label"] == exercise.title
    api = APIClient()
    api.force_authenticate(target.lti_user.auth_user)
    wrong = (EXERCISE_TEMPLATE / "wrong" / "reshape-en-vez-de-permute.py").read_text()
    api.post("/api/submissions/", {"exercise": str(exercise.uuid), "code": wrong, "mode": "submit"}, format="json")
    wait_until(lambda: platform.scores.get(line_item["id"]), what="a score at the platform")
    [first] = platform.scores[line_item["id"]]
    assert first["userId"] == lms_student.sub and first["scoreGiven"] == 6 and first["scoreMaximum"] == 10
    assert (first["activityProgress"], first["gradingProgress"]) == ("Submitted", "FullyGraded")
    solution = (EXERCISE_TEMPLATE / "solution.py").read_text()
    api.post("/api/submissions/", {"exercise": str(exercise.uuid), "code": solution, "mode": "submit"}, format="json")
    wait_until(lambda: len(platform.scores[line_item["id"]]) == 2, what="a second score")
    second = platform.scores[line_item["id"]][1]
    assert (second["scoreGiven"], second["activityProgress"]) == (10, "Completed")
    assert second["timestamp"] >= first["timestamp"]
    assert len(platform.line_items) == 1, "the student's launch reused the instructor's line item"


def test_a_quiz_uses_the_line_item_the_lms_names_and_posts_the_best_score_so_far(
        worker, platform, tool, browser_session, lms_student, quiz):
    named = f"{platform.url}/lineitems/77"
    platform.line_items[named] = {"id": named, "scoreMaximum": quiz.points, "label": quiz.title}
    result = platform.launch(browser_session, tool, lms_student, custom={"exercise": str(quiz.uuid)}, lineitem=named)
    assert result.response.status_code == 200  # no class yet: the clear page, but the score still goes back
    user = ScoreTarget.objects.get(line_item__url=named).lti_user.auth_user
    quizzes.submit(user, quiz, [[0], [0, 1]])
    wait_until(lambda: platform.scores.get(named), what="the quiz score")
    quizzes.submit(user, quiz, [[1], [2]])
    wait_until(lambda: len(platform.scores[named]) == 2, what="the second quiz score")
    best, after_a_worse_try = platform.scores[named]
    assert best["scoreGiven"] == after_a_worse_try["scoreGiven"] == quiz.points
    assert after_a_worse_try["activityProgress"] == "Completed"


def test_a_failed_score_post_is_retried_and_the_verdict_is_intact(
        worker, platform, tool, browser_session, lms_student, quiz):
    target = launched_student(platform, tool, browser_session, lms_student, quiz)
    platform.score_failures_to_fake = 2
    attempt, _feedback = quizzes.submit(target.lti_user.auth_user, quiz, [[0], [0, 1]])
    wait_until(lambda: platform.scores.get(target.line_item.url), timeout=60, what="the score after retries")
    assert platform.failed_score_posts == 2
    assert platform.scores[target.line_item.url][0]["scoreGiven"] == quiz.points
    result = ExerciseResult.objects.get(user=target.lti_user.auth_user, exercise=quiz)
    assert (result.attempts, result.passed) == (1, True)
    assert QuizAttempt.objects.get(pk=attempt.pk).status == attempt.status


def test_a_launch_without_grade_services_posts_nothing(worker, platform, tool, browser_session, lms_student, quiz):
    platform.launch(browser_session, tool, lms_student, custom={"exercise": str(quiz.uuid)}, ags=False)
    assert not ScoreTarget.objects.exists() and platform.line_items == {}
