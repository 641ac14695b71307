"""An instructor creates a class, a student joins with the code and submits, the instructor sees it."""
import pytest

from courses import roles
from tests.factories import EXERCISE_TEMPLATE, make_user

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(live_server.url + "/cuentas/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "clave-segura-123")
    page.click("button[type=submit]")


def test_class_created_joined_submitted_and_seen_in_the_matrix(worker, live_server, course, browser, screenshot):
    roles.grant(make_user("profe"), roles.INSTRUCTOR)
    make_user("pablo")
    teacher = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-ES").new_page()
    log_in(teacher, live_server, "profe")
    teacher.click("text=Mis grupos")
    teacher.fill("#id_name", "Tarde de martes")
    teacher.select_option("#id_course", label="Curso mini")
    teacher.click("text=Crear grupo")
    code = teacher.locator(".join-code").first.inner_text().strip()
    assert len(code) == 8

    student = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-ES").new_page()
    log_in(student, live_server, "pablo")
    student.goto(live_server.url + "/panel/")
    student.fill("#join-code", code)
    student.click("text=Unirme")
    assert "Te has unido al grupo" in student.locator(".messages").inner_text()
    student.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    student.locator(".exercise .cm-content").first.click()
    student.keyboard.press("Control+A")
    student.keyboard.insert_text((EXERCISE_TEMPLATE / "wrong" / "aplana-todo-el-lote.py").read_text())
    student.click(".exercise [data-action=submit]")
    student.wait_for_selector(".exercise .verdict.failed, .exercise .verdict.error", timeout=90000)

    teacher.reload()
    row = teacher.locator("#matrix tbody tr", has_text="pablo")
    assert row.count() == 1 and row.locator("td.cell.tried").count() == 1
    screenshot("instructor-matrix", teacher, full_page=True)
    teacher.click("text=Ejercicios y errores")
    assert teacher.locator("#stats tbody tr", has_text="Reorganizar").locator("td").nth(1).inner_text() == "1"
    assert teacher.locator("td", has_text="Formas incompatibles (shape) — aplanar_lote devuelve una fila por imagen").count() == 1
    screenshot("instructor-exercises", teacher, full_page=True)
    teacher.click("text=Progreso")
    teacher.click("#matrix >> text=pablo")
    teacher.click(".attempt-block summary")
    assert "def aplanar_lote" in teacher.locator(".attempt-block").inner_text()
    assert "4/10" in teacher.locator(".attempt-block").inner_text()
    screenshot("instructor-student", teacher, full_page=True)
