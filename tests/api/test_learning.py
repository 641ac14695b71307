"""The student's own learning: progress, results, lesson completion, drafts, quiz attempts, joining a class."""
import pytest

from courses.models import Exercise, LessonProgress, Membership
from courses.verdicts import Verdict
from tests.factories import (
    ClassroomFactory,
    ExerciseDraftFactory,
    ExerciseResultFactory,
    MembershipFactory,
    QuizAttemptFactory,
)

pytestmark = pytest.mark.django_db
COMPLETION = "/api/courses/curso-mini/lessons/shapes-y-dtypes/completion/"


def test_completing_a_lesson_counts_in_progress_and_can_be_undone(api, student, lesson):
    assert api.get(COMPLETION).data["completed"] is False
    response = api.put(COMPLETION)
    assert response.status_code == 200 and response.data["completed_at"]
    progress = api.get("/api/courses/curso-mini/progress/").data
    assert progress["course"] == {"done": 1, "total": 2, "percent": 50}
    assert progress["completed_lessons"] == [str(lesson.uuid)]
    assert api.delete(COMPLETION).status_code == 204
    assert LessonProgress.objects.get(user=student, lesson=lesson).completed_at is None


def test_completion_of_an_unknown_lesson_is_404(api, course):
    assert api.put("/api/courses/curso-mini/lessons/no-existe/completion/").status_code == 404


def test_results_are_mine_only_and_filter_by_status_and_date(api, student, other_student, exercise):
    ExerciseResultFactory(user=student, exercise=exercise, last_status=Verdict.FAILED)
    ExerciseResultFactory(user=other_student, exercise=exercise, last_status=Verdict.FAILED)
    assert api.get("/api/results/").data["count"] == 1
    assert api.get("/api/results/", {"status": "failed"}).data["count"] == 1
    assert api.get("/api/results/", {"status": "passed"}).data["count"] == 0
    assert api.get("/api/results/", {"since": "2999-01-01T00:00:00Z"}).data["count"] == 0
    assert api.get("/api/results/", {"since": "2999-01-01T00:00:00Z", "until": "2000-01-01T00:00:00Z"}
                   ).status_code == 400


def test_drafts_are_mine_only(api, student, other_student, exercise):
    ExerciseDraftFactory(user=student, exercise=exercise, code="mío")
    ExerciseDraftFactory(user=other_student, exercise=exercise, code="suyo")
    rows = api.get("/api/drafts/").data["results"]
    assert [row["code"] for row in rows] == ["mío"]
    assert api.get(f"/api/exercises/{exercise.uuid}/draft/").data["code"] == "mío"


def test_a_missing_draft_is_404(api, exercise):
    assert api.get(f"/api/exercises/{exercise.uuid}/draft/").status_code == 404


def test_quiz_attempts_are_mine_only_and_filter_by_exercise(api, student, other_student, course):
    quiz = Exercise.objects.get(slug="test-broadcasting")
    mine = QuizAttemptFactory(user=student, exercise=quiz)
    QuizAttemptFactory(user=other_student, exercise=quiz)
    rows = api.get("/api/quiz-attempts/", {"exercise": str(quiz.uuid)}).data["results"]
    assert [row["id"] for row in rows] == [str(mine.id)] and "checks" not in rows[0]


def test_joining_a_class_with_its_code_and_leaving_it(api, student, course):
    classroom = ClassroomFactory(course=course)
    response = api.post("/api/memberships/", {"code": classroom.join_code.lower()}, format="json")
    assert response.status_code == 201 and response.data["classroom"] == classroom.pk
    assert api.post("/api/memberships/", {"code": classroom.join_code}, format="json").status_code == 200
    assert api.get("/api/memberships/").data["count"] == 1
    assert api.delete(f"/api/memberships/{classroom.pk}/").status_code == 204
    assert not Membership.objects.filter(student=student).exists()


def test_a_wrong_code_is_a_clear_400(api, course):
    response = api.post("/api/memberships/", {"code": "NOEXISTE"}, format="json")
    assert response.status_code == 400 and "código" in response.data["code"][0]


def test_leaving_a_class_i_am_not_in_is_404(api, other_student, course):
    theirs = MembershipFactory(classroom=ClassroomFactory(course=course), student=other_student)
    assert api.delete(f"/api/memberships/{theirs.classroom_id}/").status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()
