import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from courses import roles
from tests.factories import ClassroomFactory, MembershipFactory, PersonalTokenFactory, make_user


@pytest.fixture(autouse=True)
def fresh_throttle_cache():
    cache.clear()


@pytest.fixture
def api(student):
    """Ana, signed in with a personal token, as scripts are."""
    return client_with_token(PersonalTokenFactory(user=student).raw)


@pytest.fixture
def anonymous():
    return APIClient()


def client_with_token(raw, scheme="Bearer"):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{scheme} {raw}")
    return client


@pytest.fixture
def instructor(db):
    user = make_user("profesora", first_name="Carmen")
    roles.grant(user, roles.INSTRUCTOR)
    return user


@pytest.fixture
def classroom(course, instructor, student):
    """Carmen's class on the mini course, with Ana in it (Bruno is not)."""
    classroom = ClassroomFactory(course=course, instructor=instructor, name="Grupo de mañana")
    MembershipFactory(classroom=classroom, student=student)
    return classroom


@pytest.fixture
def instructor_api(instructor):
    return client_with_token(PersonalTokenFactory(user=instructor).raw)
