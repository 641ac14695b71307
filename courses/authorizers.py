"""Who may see what, as small named functions used the same way by every view."""
from django.http import Http404

from .models import Course


def published_course_or_404(slug):
    course = Course.objects.filter(slug=slug, published=True).first()
    if course is None:
        raise Http404
    return course
