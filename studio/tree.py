"""The course tree the studio opens on: pages, units, sections, lessons and their exercises, narrowed by a search."""
from django.db.models import Q

from courses.models import Course, Exercise, Lesson, Page

from .models import AuthorDraft


def course_tree(query=""):
    lessons = Lesson.objects.select_related("section__unit").prefetch_related("exercises")
    pages = Page.objects.all()
    exercises = None
    if query:
        match = Q(title__icontains=query) | Q(slug__icontains=query)
        lessons = lessons.filter(match | Q(body_markdown__icontains=query))
        pages = pages.filter(match | Q(body_markdown__icontains=query))
        exercises = Exercise.objects.filter(match | Q(instructions_markdown__icontains=query),
                                            kind=Exercise.CODE).select_related("lesson")
    lessons, pages = list(lessons), list(pages)
    courses = []
    for course in Course.objects.prefetch_related("units__sections"):
        units = []
        for unit in course.units.all():
            sections = [(section, [lesson for lesson in lessons if lesson.section_id == section.id])
                        for section in unit.sections.all()]
            sections = [(section, items) for section, items in sections if items or not query]
            if sections:
                units.append((unit, sections))
        courses.append({"course": course, "units": units, "pages": [p for p in pages if p.course_id == course.id]})
    return {"courses": courses, "query": query, "exercises": exercises,
            "drafts": set(AuthorDraft.objects.values_list("exercise_id", flat=True))}
