"""What an admin needs to connect an LMS: the tool's URLs and public key, key rotation with a grace period, and
pages that only registered platforms may frame."""
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from lti_tool.models import Key, LtiRegistration

from courses import roles
from lti import keys
from lti.middleware import ORIGINS_CACHE_KEY
from tests.factories import make_user

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def registered(db):
    cache.delete(ORIGINS_CACHE_KEY)
    registration = LtiRegistration.objects.create(
        name="Moodle", issuer="https://moodle.uni.example", client_id="cliente",
        auth_url="https://moodle.uni.example/mod/lti/auth.php", token_url="https://moodle.uni.example/mod/lti/token.php",
        keyset_url="https://moodle.uni.example/mod/lti/certs.php")
    yield registration
    cache.delete(ORIGINS_CACHE_KEY)


def test_the_setup_page_shows_the_tools_urls_and_current_public_key_to_admins_only(client, registered):
    admin = make_user("admin-lti")
    roles.grant(admin, roles.ADMIN)
    client.force_login(make_user("profe-lti"))
    assert client.get("/lti/configuracion/").status_code == 404
    client.force_login(admin)
    page = client.get("/lti/configuracion/")
    text = page.content.decode()
    key = keys.current_key()
    for url in ("http://testserver/lti/login/", "http://testserver/lti/launch/", "http://testserver/lti/jwks.json",
                f"http://testserver/lti/login/{registered.uuid}/"):
        assert url in text
    assert key.public_key.strip().splitlines()[1] in text and key.as_jwk()["kid"] in text


def test_the_jwks_publishes_the_current_key_and_after_a_rotation_the_previous_one_for_the_grace_period(client, db):
    first = keys.current_key()
    assert [k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]] == [first.as_jwk()["kid"]]
    call_command("rotate_lti_key", "--grace-days", "7", stdout=open("/dev/null", "w"))
    second = keys.current_key()
    assert second != first
    published = {k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]}
    assert published == {first.as_jwk()["kid"], second.as_jwk()["kid"]}
    Key.objects.filter(pk=first.pk).update(datetime_created=timezone.now() - timedelta(days=9))
    Key.objects.filter(pk=second.pk).update(datetime_created=timezone.now() - timedelta(days=8))
    third, retired = keys.rotate(timedelta(days=7))
    assert retired == 1 and not Key.objects.get(pk=first.pk).is_active
    assert {k["kid"] for k in client.get("/lti/jwks.json").json()["keys"]} == {
        second.as_jwk()["kid"], third.as_jwk()["kid"]}
    assert all("d" not in k for k in client.get("/lti/jwks.json").json()["keys"]), "never a private part"


def test_pages_may_be_framed_by_registered_platforms_only(client, registered, lesson):
    response = client.get(lesson.get_absolute_url())
    assert "X-Frame-Options" not in response
    assert response["Content-Security-Policy"] == "frame-ancestors 'self' https://moodle.uni.example"
    registered.is_active = False
    registered.save()
    cache.delete(ORIGINS_CACHE_KEY)
    assert client.get(lesson.get_absolute_url())["Content-Security-Policy"] == "frame-ancestors 'self'"


def test_production_cookies_work_inside_an_lms_iframe(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "VAR_DIR": str(tmp_path), "SECRET_KEY": "x" * 60,
           "ALLOWED_HOSTS": "cursos.example.org", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    code = ("import json, django; django.setup(); from django.conf import settings as s; print(json.dumps("
            "[s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, s.SESSION_COOKIE_SECURE]))")
    run = lambda extra: json.loads(subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "config.settings", **extra},
        capture_output=True, text=True, timeout=120, check=True).stdout)
    assert run({}) == ["None", "None", True]
    assert run({"SECURE_COOKIES": "0"}) == ["Lax", "Lax", False]


def test_an_admin_registers_a_platform_with_an_active_deployment_in_the_django_admin(admin_client, db):
    form = admin_client.get("/admin/lti_tool/ltiregistration/add/")
    assert form.status_code == 200 and "/lti/configuracion/" in form.content.decode()
    response = admin_client.post("/admin/lti_tool/ltiregistration/add/", {
        "name": "Moodle", "uuid": "6f1c4c5e-8c1a-4b7e-9a39-0f5b8f2d9a10", "issuer": "https://moodle.uni.example",
        "client_id": "cliente", "audience": "", "auth_url": "https://moodle.uni.example/mod/lti/auth.php",
        "token_url": "https://moodle.uni.example/mod/lti/token.php",
        "keyset_url": "https://moodle.uni.example/mod/lti/certs.php", "is_active": "on",
        "public_key": "", "private_key": "",
        "deployments-TOTAL_FORMS": "1", "deployments-INITIAL_FORMS": "0", "deployments-MIN_NUM_FORMS": "0",
        "deployments-MAX_NUM_FORMS": "1000", "deployments-0-deployment_id": "7", "deployments-0-is_active": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    registration = LtiRegistration.objects.get(issuer="https://moodle.uni.example")
    assert list(registration.deployments.values_list("deployment_id", "is_active")) == [("7", True)]
