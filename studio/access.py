"""Who may author content: admins, and instructors an admin gave the `studio.author_content` permission.
Everyone else gets 404 on every studio URL, so the studio does not even appear to exist."""
from django.http import Http404

from courses import roles

PERMISSION = "studio.author_content"


def can_author(user):
    return bool(user and user.is_authenticated and (roles.is_admin(user) or user.has_perm(PERMISSION)))


def author_or_404(user):
    if not can_author(user):
        raise Http404
