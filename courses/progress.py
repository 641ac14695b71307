"""Progress of one student: lessons viewed and completed, exercises passed, percentages per section/unit/course."""
from dataclasses import dataclass

from django.utils import timezone

from .models import Exercise, Lesson, LessonProgress


def record_view(user, lesson):
    LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    LessonProgress.objects.filter(user=user, lesson=lesson).update(last_viewed_at=timezone.now())


def mark_completed(user, lesson):
    row, _ = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    if row.completed_at is None:
        row.completed_at = timezone.now()
        row.save(update_fields=["completed_at"])
    return row


def mark_incomplete(user, lesson):
    LessonProgress.objects.filter(user=user, lesson=lesson).update(completed_at=None)


def passed_exercise_ids(user, exercises=None):
    from runner.models import Status, Submission

    rows = Submission.objects.filter(user=user, status=Status.PASSED, mode__in=[Submission.SUBMIT, Submission.QUIZ])
    if exercises is not None:
        rows = rows.filter(exercise__in=exercises)
    return set(rows.values_list("exercise_id", flat=True).distinct())


def record_exercise_passed(user, exercise):
    """A lesson whose graded exercises and quizzes are all passed counts as completed."""
    if exercise is None:
        return
    lesson = exercise.lesson
    required = set(lesson.exercises.filter(published=True).values_list("id", flat=True))
    if required <= passed_exercise_ids(user, required) | {exercise.id}:
        mark_completed(user, lesson)


@dataclass
class Percent:
    done: int
    total: int

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


def course_progress(user, course):
    """Returns {"course": Percent, "units": {unit_id: Percent}, "sections": {section_id: Percent},
    "completed": set of lesson ids} in three queries."""
    lessons = list(Lesson.objects.filter(course=course).values("id", "section_id", "section__unit_id"))
    completed = set()
    if user.is_authenticated:
        completed = set(LessonProgress.objects.filter(user=user, lesson__course=course, completed_at__isnull=False)
                        .values_list("lesson_id", flat=True))
    units, sections = {}, {}
    for lesson in lessons:
        for bucket, key in ((units, lesson["section__unit_id"]), (sections, lesson["section_id"])):
            entry = bucket.setdefault(key, Percent(0, 0))
            entry.total += 1
            entry.done += lesson["id"] in completed
    return {"course": Percent(len(completed & {l["id"] for l in lessons}), len(lessons)), "units": units,
            "sections": sections, "completed": completed}


def continue_lesson(user, course):
    """The lesson to resume: the one after the last completed, else the last viewed, else the first."""
    if user.is_authenticated:
        last = (LessonProgress.objects.filter(user=user, lesson__course=course)
                .select_related("lesson").order_by("-last_viewed_at").first())
        if last:
            if last.completed_at is None:
                return last.lesson
            following = Lesson.objects.filter(course=course, position__gt=last.lesson.position).first()
            return following or last.lesson
    return Lesson.objects.filter(course=course).first()


def exercise_counts(user, course):
    exercises = Exercise.objects.filter(lesson__course=course, published=True)
    return {"total": exercises.count(), "passed": len(passed_exercise_ids(user, exercises))}




def save_draft(user, exercise, code):
    from .models import ExerciseDraft

    ExerciseDraft.objects.update_or_create(user=user, exercise=exercise, defaults={"code": code})


def reveal_next_hint(user, exercise):
    """Reveals hints strictly in order; returns the list of hints revealed so far."""
    from .models import HintReveal

    seen = HintReveal.objects.filter(user=user, exercise=exercise).count()
    if seen < len(exercise.hints):
        HintReveal.objects.get_or_create(user=user, exercise=exercise, index=seen)
        seen += 1
    return exercise.hints[:seen]


def revealed_hints(user, exercise):
    from .models import HintReveal

    return exercise.hints[:HintReveal.objects.filter(user=user, exercise=exercise).count()]


def initial_code(user, exercise):
    """The draft if there is one, else the last attempt, else the starter code."""
    from runner.models import Submission

    from .models import ExerciseDraft

    draft = ExerciseDraft.objects.filter(user=user, exercise=exercise).only("code").first()
    if draft is not None:
        return draft.code
    last = Submission.objects.filter(user=user, exercise=exercise).exclude(mode="quiz").only("code").first()
    return last.code if last else exercise.starter_code
