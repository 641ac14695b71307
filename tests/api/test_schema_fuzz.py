"""Schemathesis against the live server, on loopback only: no 5xx and no answer that contradicts the schema.

The schema is generated in-process at collection time (the lazy fixture loader does not run under this pytest),
and the live server is checked to serve exactly that schema before any case runs.

Bounded: a few examples per operation. Left out: the event stream (it stays open by design), creating
submissions (each one queues real sandbox work) and revoking tokens (it would revoke the key the run uses).
"""
import json

import pytest
import requests
import schemathesis
from django.core.cache import cache
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from courses import roles
from tests.factories import ClassroomFactory, MembershipFactory, PersonalTokenFactory, make_user

LEFT_OUT = ["submission_events", "submission_create", "token_revoke"]


@pytest.fixture
def fuzz_token(transactional_db, course):
    """A student in an instructor-run class; the instructor's key is used, so class endpoints answer 200 too."""
    cache.clear()
    instructor = make_user("profesora-fuzz")
    roles.grant(instructor, roles.INSTRUCTOR)
    MembershipFactory(classroom=ClassroomFactory(course=course, instructor=instructor), student=make_user("ana"))
    return PersonalTokenFactory(user=instructor).raw


def generated_schema():
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


SCHEMA = generated_schema()
schema = schemathesis.openapi.from_dict(SCHEMA).exclude(operation_id=LEFT_OUT)


@pytest.fixture
def live_api(live_server, fuzz_token):
    assert live_server.url.startswith(("http://localhost", "http://127.0.0.1"))
    served = requests.get(f"{live_server.url}/api/schema/?format=json", timeout=30)
    assert served.status_code == 200 and served.json() == SCHEMA
    return live_server.url


@schema.parametrize()
@settings(max_examples=4, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_documented_and_never_with_5xx(case, live_api, fuzz_token):
    case.call_and_validate(base_url=live_api, headers={"Authorization": f"Bearer {fuzz_token}"},
                           checks=[not_a_server_error, response_schema_conformance, content_type_conformance])
