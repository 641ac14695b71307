"""Students joining and leaving an instructor's class with its code."""
from .models import Classroom, Membership


def normalise_code(code):
    return (code or "").strip().upper()


def classroom_for_code(code):
    code = normalise_code(code)
    return Classroom.objects.select_related("course").filter(join_code=code).first() if code else None


def join(student, classroom):
    """Returns (membership, created); joining twice keeps the first membership."""
    return Membership.objects.get_or_create(classroom=classroom, student=student)


def leave(student, classroom_id):
    """Returns False when the student is not in that class."""
    deleted, _ = Membership.objects.filter(classroom_id=classroom_id, student=student).delete()
    return bool(deleted)


def memberships_of(student):
    return Membership.objects.filter(student=student).select_related("classroom__course", "classroom__instructor")
