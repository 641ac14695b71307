"""Bad launches are refused with a clear Spanish page (4xx), and nothing is created: no account, no class, no
LMS user, context or deployment row."""
import pytest
from django.contrib.auth import get_user_model
from lti_tool.models import LtiContext, LtiDeployment, LtiResourceLink, LtiUser

from courses.models import Classroom, Membership
from lti.models import LinkedClass


def counts():
    return {model.__name__: model.objects.count() for model in (
        get_user_model(), LtiUser, LtiContext, LtiDeployment, LtiResourceLink, Classroom, Membership, LinkedClass)}


@pytest.mark.parametrize(("spoil", "says"), [
    ({"exp_in": -120}, "ha caducado"),
    ({"aud": "otro-cliente"}, "no están registrados"),
    ({"deployment_id": "despliegue-desconocido"}, "despliegue"),
    ({"impostor": True}, "firma del acceso no es válida"),
], ids=["expired token", "wrong audience", "unknown deployment", "bad signature"])
def test_a_spoiled_launch_is_refused_and_creates_nothing(
        platform, tool, browser_session, lms_teacher, lesson, spoil, says):
    before = counts()
    result = platform.launch(browser_session, tool, lms_teacher, custom={"lesson": str(lesson.uuid)}, spoil=spoil)
    assert result.response.status_code == 400
    assert says in result.response.text and "No se pudo abrir la actividad" in result.response.text
    assert counts() == before
    assert "sessionid" not in browser_session.cookies


def test_a_replayed_launch_is_refused_and_creates_nothing_more(
        platform, tool, browser_session, lms_teacher, lesson, requests_session_factory):
    first = platform.launch(browser_session, tool, lms_teacher, custom={"lesson": str(lesson.uuid)})
    assert first.response.status_code == 302
    before = counts()
    replay = browser_session.post(f"{tool}/lti/launch/", data=first.form, allow_redirects=False)
    assert replay.status_code == 400 and "ya se usó una vez" in replay.text
    assert counts() == before


def test_a_launch_without_its_login_state_is_refused(platform, tool, browser_session, lms_teacher, lesson,
                                                     requests_session_factory):
    result = platform.launch(browser_session, tool, lms_teacher, custom={"lesson": str(lesson.uuid)},
                             submit=False)
    stranger = requests_session_factory()  # another browser, without the state cookie
    before = counts()
    response = stranger.post(f"{tool}/lti/launch/", data=result.form, allow_redirects=False)
    assert response.status_code == 400 and "inicio de sesión" in response.text
    assert counts() == before


@pytest.mark.parametrize("form", [
    {}, {"state": "x"}, {"state": "x", "id_token": "basura"}, {"state": "x", "id_token": "a.b.c"},
    {"state": "x", "id_token": "\udcff"},
], ids=["empty", "no token", "junk token", "undecodable token", "invalid utf-8"])
def test_junk_posted_to_the_launch_url_is_a_clear_400(platform, tool, browser_session, form):
    before = counts()
    if form.get("id_token") == "\udcff":
        response = browser_session.post(f"{tool}/lti/launch/", data=b"state=x&id_token=%ff%fe",
                                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        response = browser_session.post(f"{tool}/lti/launch/", data=form)
    assert response.status_code == 400 and "No se pudo abrir la actividad" in response.text
    assert counts() == before


def test_a_login_initiation_from_an_unknown_platform_is_refused(platform, tool, browser_session):
    response = browser_session.get(f"{tool}/lti/login/", params={
        "iss": "https://lms.desconocido.example", "login_hint": "x", "target_link_uri": f"{tool}/lti/launch/",
        "client_id": "nadie"})
    assert response.status_code == 400 and "no están registrados" in response.text


def test_a_login_initiation_without_a_target_is_refused(platform, tool, browser_session):
    response = browser_session.get(f"{tool}/lti/login/", params={"iss": platform.issuer, "login_hint": "x"})
    assert response.status_code == 400 and "target_link_uri" in response.text


def test_an_inactive_deployment_is_refused(platform, tool, browser_session, lms_teacher, lesson):
    LtiDeployment.objects.update(is_active=False)
    before = counts()
    result = platform.launch(browser_session, tool, lms_teacher, custom={"lesson": str(lesson.uuid)})
    assert result.response.status_code == 400 and "despliegue" in result.response.text
    assert counts() == before
