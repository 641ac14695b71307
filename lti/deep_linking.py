"""Deep linking: an instructor, sent by the LMS, picks a lesson or an exercise of this platform, and the LMS gets
it back as a resource link (a signed LtiDeepLinkingResponse). Exercises carry a line item so that the LMS makes a
gradebook column for them."""
import uuid
from dataclasses import dataclass

from pylti1p3.deep_link_resource import DeepLinkResource

from courses.models import Course, Exercise, Lesson

from . import grades


@dataclass
class Choice:
    kind: str  # "lesson" or "exercise", also the custom parameter the launch reads back
    item: object


def catalogue():
    """Published courses with their units, lessons and published exercises, in order, in four queries."""
    courses = list(Course.objects.filter(published=True).prefetch_related(
        "units", "all_lessons__section", "all_lessons__exercises"))
    for course in courses:
        lessons = list(course.all_lessons.all())
        for unit in course.units.all():
            unit.lesson_list = [lesson for lesson in lessons if lesson.section.unit_id == unit.pk]
            for lesson in unit.lesson_list:
                lesson.exercise_list = [exercise for exercise in lesson.exercises.all() if exercise.published]
    return courses


def chosen(value):
    """`lesson:<uuid>` or `exercise:<uuid>` from the picker, as a published item, or None."""
    kind, _, raw = str(value or "").partition(":")
    try:
        key = uuid.UUID(raw)
    except ValueError:
        return None
    if kind == "exercise":
        item = Exercise.objects.filter(uuid=key, published=True, lesson__course__published=True).first()
    elif kind == "lesson":
        item = Lesson.objects.filter(uuid=key, course__published=True).first()
    else:
        return None
    return Choice(kind, item) if item is not None else None


def resource_for(choice, launch_url):
    resource = (DeepLinkResource().set_url(launch_url).set_title(choice.item.title)
                .set_custom_params({choice.kind: str(choice.item.uuid)}))
    if choice.kind == "exercise":
        resource.set_lineitem(grades.new_line_item(choice.item))
    return resource


def response_for(lti_launch, choice, launch_url):
    """(return URL, signed JWT) for the auto-posting form that hands the choice back to the LMS."""
    deep_link = lti_launch.get_message_launch().get_deep_link()
    settings = lti_launch.get_claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings")
    return settings["deep_link_return_url"], deep_link.get_response_jwt([resource_for(choice, launch_url)])
