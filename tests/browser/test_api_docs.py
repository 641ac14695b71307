"""The API's documentation renders from our own static files, and a student creates a personal token in the page."""
import pytest

from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_lists_the_endpoints_without_any_outside_request(live_server, page, screenshot):
    outside = []
    page.on("request", lambda request: None if request.url.startswith(live_server.url) or
            request.url.startswith("data:") else outside.append(request.url))
    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector("text=/api/submissions/{submission_id}/")
    assert page.locator(".opblock").count() > 20
    assert "PyTorch desde cero API" in page.locator(".info").inner_text()
    screenshot("api-docs", full_page=False)
    assert not outside, outside


def test_a_student_creates_and_revokes_a_token_in_the_settings_page(live_server, page, screenshot, student):
    page.goto(live_server.url + "/cuentas/login/")
    page.fill("#id_username", student.username)
    page.fill("#id_password", "clave-segura-123")
    page.click("button[type=submit]")
    page.click("text=Claves de la API")
    page.fill("#id_name", "script de notas")
    page.click("text=Crear clave")
    key = page.locator("#new-key-value").inner_text().strip()
    assert key.startswith("pdc_") and "script de notas" in page.locator("#tokens").inner_text()
    screenshot("api-tokens", full_page=True)
    page.click("#tokens >> text=Revocar")
    assert "Clave revocada" in page.locator(".messages").inner_text()
    assert "script de notas" not in page.locator("#tokens").inner_text()


@pytest.fixture
def student(db):
    return make_user("ana")
