"""Personal tokens: created with a name, the key shown once, stored hashed, used as Bearer or Token, revoked for good."""
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses import tokens
from courses.models import PersonalToken
from tests.api.conftest import client_with_token
from tests.factories import PASSWORD, PersonalTokenFactory

pytestmark = pytest.mark.django_db
URL = "/api/tokens/"


def test_a_created_token_shows_its_key_once_and_stores_only_its_hash(api, student):
    response = api.post(URL, {"name": "notas"}, format="json")
    assert response.status_code == 201
    key = response.data["key"]
    stored = PersonalToken.objects.get(pk=response.data["id"])
    assert stored.key_hash == tokens.hash_key(key) and key not in stored.key_hash and stored.user == student
    listed = api.get(URL).data["results"]
    assert "notas" in [row["name"] for row in listed] and all("key" not in row for row in listed)
    assert client_with_token(key).get("/api/courses/").status_code == 200


@pytest.mark.parametrize("scheme", ["Bearer", "Token", "bearer"])
def test_both_schemes_authenticate(student, scheme):
    token = PersonalTokenFactory(user=student)
    assert client_with_token(token.raw, scheme).get(URL).status_code == 200


def test_a_revoked_token_is_refused_with_401(api, student):
    token = PersonalTokenFactory(user=student)
    assert api.delete(f"{URL}{token.pk}/").status_code == 204
    response = client_with_token(token.raw).get("/api/courses/")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert "revocada" in response.data["detail"]


@pytest.mark.parametrize("header", ["Bearer pdc_no-existe", "Bearer", "Bearer a b", "Token \u00e9"])
def test_unknown_or_malformed_keys_get_401(anonymous, header):
    response = anonymous.get("/api/courses/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_anonymous_requests_get_401(anonymous):
    assert anonymous.get("/api/courses/").status_code == 401


def test_someone_elses_token_cannot_be_revoked(api, other_student):
    theirs = PersonalTokenFactory(user=other_student)
    assert api.delete(f"{URL}{theirs.pk}/").status_code == 404
    assert client_with_token(theirs.raw).get(URL).status_code == 200


def test_a_token_of_a_deactivated_user_is_refused(student):
    token = PersonalTokenFactory(user=student)
    student.is_active = False
    student.save()
    assert client_with_token(token.raw).get(URL).status_code == 401


def test_last_use_is_written_at_most_once_a_minute(student):
    token = PersonalTokenFactory(user=student)
    client = client_with_token(token.raw)
    client.get(URL)
    first = PersonalToken.objects.get(pk=token.pk).last_used_at
    client.get(URL)
    assert first is not None and PersonalToken.objects.get(pk=token.pk).last_used_at == first
    PersonalToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - timedelta(minutes=2))
    client.get(URL)
    assert PersonalToken.objects.get(pk=token.pk).last_used_at > first


def test_a_name_is_required(api):
    response = api.post(URL, {"name": ""}, format="json")
    assert response.status_code == 400 and "name" in response.data


def test_the_settings_page_creates_shows_the_key_once_and_revokes(client, student):
    client.login(username=student.username, password=PASSWORD)
    response = client.post("/cuenta/claves/", {"name": "portátil"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    key = response.context["new_key"]
    assert key in response.content.decode() and key.startswith(tokens.PREFIX)
    page = client.get("/cuenta/claves/").content.decode()
    assert "portátil" in page and key not in page and "Nunca" in page
    token = PersonalToken.objects.get(user=student)
    assert client.post(f"/cuenta/claves/{token.pk}/revocar/").status_code == 302
    assert client_with_token(key).get(URL).status_code == 401
    assert "portátil" not in client.get("/cuenta/claves/").content.decode()


def test_the_settings_page_will_not_revoke_another_users_token(client, student, other_student):
    theirs = PersonalTokenFactory(user=other_student)
    client.login(username=student.username, password=PASSWORD)
    assert client.post(f"/cuenta/claves/{theirs.pk}/revocar/").status_code == 404
    assert PersonalToken.objects.get(pk=theirs.pk).revoked_at is None


def test_the_command_line_prints_a_working_key(student):
    out = io.StringIO()
    call_command("create_api_token", student.username, "terminal", stdout=out)
    key = out.getvalue().strip()
    assert client_with_token(key).get(URL).data["results"][0]["name"] == "terminal"
