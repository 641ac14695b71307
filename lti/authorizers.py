"""Who may use the LTI pages; forbidden things answer 404, as everywhere on the platform."""
from django.http import Http404

from courses import authorizers, roles

from . import rosters


def linked_class_or_404(user, classroom_id):
    """A class the user teaches (or any, for a superuser) that is linked to an LMS course."""
    classroom = authorizers.classroom_or_404(user, classroom_id)
    linked = rosters.linked_class_of(classroom)
    if linked is None:
        raise Http404
    return linked


def deep_linking_or_404(user, lti_launch):
    """A deep linking request this session received from the LMS, and an instructor to answer it."""
    if lti_launch is None or not lti_launch.is_deep_link_launch or not roles.is_instructor(user):
        raise Http404


def admin_or_404(user):
    if not roles.is_admin(user):
        raise Http404
