"""The three roles (student, instructor, admin) are Django groups; these helpers name the checks."""
from django.contrib.auth.models import Group

STUDENT, INSTRUCTOR, ADMIN = "student", "instructor", "admin"


def is_instructor(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=INSTRUCTOR).exists())


def is_admin(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=ADMIN).exists())


def grant(user, role):
    user.groups.add(Group.objects.get_or_create(name=role)[0])
