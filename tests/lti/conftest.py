import pytest
import requests
from django.core.cache import cache
from lti_tool.models import LtiDeployment, LtiRegistration

from lti.middleware import ORIGINS_CACHE_KEY

from .platform import INSTRUCTOR, LEARNER, Person, Platform


@pytest.fixture
def platform(live_server):
    """A running LTI platform, registered with the tool (one active deployment) as an admin would do it."""
    platform = Platform().start()
    platform.tool_jwks_url = f"{live_server.url}/lti/jwks.json"
    registration = LtiRegistration.objects.create(**platform.registration_fields())
    LtiDeployment.objects.create(registration=registration, deployment_id=platform.deployment_id, is_active=True)
    cache.delete(ORIGINS_CACHE_KEY)
    yield platform
    platform.stop()
    cache.delete(ORIGINS_CACHE_KEY)


@pytest.fixture
def tool(live_server):
    return live_server.url


@pytest.fixture
def browser_session():
    with requests.Session() as session:
        yield session


@pytest.fixture
def lms_student():
    return Person(sub="lms-alumna-7", roles=[LEARNER], given_name="Lucía", family_name="Pérez",
                  email="lucia@uni.example")


@pytest.fixture
def lms_teacher():
    return Person(sub="lms-profe-1", roles=[INSTRUCTOR], given_name="Marta", family_name="Ruiz",
                  email="marta@uni.example")


@pytest.fixture
def requests_session_factory():
    """Fresh browsers (cookie jars), for launches by other people than the test's main browser."""
    sessions = []

    def make():
        sessions.append(requests.Session())
        return sessions[-1]
    yield make
    for session in sessions:
        session.close()
