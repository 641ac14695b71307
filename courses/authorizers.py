"""Who may see what, as small named functions used the same way by every view.

Forbidden things answer 404, never 403, so nobody learns that a class or a student exists.
"""
from django.http import Http404

from . import roles
from .models import Classroom, Course, Membership


def published_course_or_404(slug):
    course = Course.objects.filter(slug=slug, published=True).first()
    if course is None:
        raise Http404
    return course


def instructor_or_404(user):
    if not roles.is_instructor(user):
        raise Http404


def classrooms_visible_to(user):
    if user.is_superuser:
        return Classroom.objects.all()
    return Classroom.objects.filter(instructor=user)


def classroom_or_404(user, classroom_id):
    instructor_or_404(user)
    classroom = classrooms_visible_to(user).select_related("course").filter(pk=classroom_id).first()
    if classroom is None:
        raise Http404
    return classroom


def member_or_404(classroom, student_id):
    membership = Membership.objects.select_related("student").filter(classroom=classroom, student_id=student_id).first()
    if membership is None:
        raise Http404
    return membership.student


def can_read_submission(user, submission):
    """The owner, or an instructor of a class of that course the owner belongs to."""
    if submission.user_id == user.id or user.is_superuser:
        return True
    if not roles.is_instructor(user):
        return False
    return Membership.objects.filter(student_id=submission.user_id, classroom__instructor=user).exists()
