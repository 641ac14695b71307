"""A student works through exercises in the browser against the real stack (Docker sandbox, Celery worker).
Each state is saved as a screenshot under tests/artifacts/."""
import pytest

from courses.models import Exercise, LessonProgress
from runner.models import Submission
from tests.factories import EXERCISE_TEMPLATE, make_user

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.django_db(transaction=True)]
VERDICT = ".exercise .result .verdict:not(.queued):not(.running)"


def log_in(page, live_server, username="marta"):
    make_user(username)
    page.goto(live_server.url + "/cuentas/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "clave-segura-123")
    page.click("button[type=submit]")


def type_code(page, code):
    page.locator(".exercise .cm-content").first.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def test_wrong_then_right_answer_moves_the_progress_bar(worker, live_server, course, page, screenshot):
    log_in(page, live_server)
    page.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    type_code(page, (EXERCISE_TEMPLATE / "wrong" / "reshape-en-vez-de-permute.py").read_text())
    page.click(".exercise [data-action=submit]")
    page.wait_for_selector(VERDICT, timeout=90000)
    assert "No superado" in page.locator(".exercise .verdict").inner_text()
    failing = page.locator(".exercise .checks li.ko")
    assert failing.count() == 1 and "canales_al_final(x)" in failing.inner_text()
    screenshot("exercise-failed", page.locator(".exercise"))

    type_code(page, (EXERCISE_TEMPLATE / "solution.py").read_text())
    page.keyboard.press("Shift+Enter")
    page.wait_for_selector(".exercise .verdict.passed", timeout=90000)
    assert "10/10" in page.locator(".exercise .verdict").inner_text()
    screenshot("exercise-passed", page.locator(".exercise"))
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == 1

    page.goto(live_server.url + "/cursos/curso-mini/")
    assert page.locator("#course-progress [role=progressbar]").get_attribute("aria-valuenow") == "50"
    screenshot("course-after-pass")


def test_a_runnable_block_shows_its_figure(worker, live_server, course, page, screenshot):
    log_in(page, live_server)
    page.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    page.click(".run-block")
    page.wait_for_selector(".block-result .verdict.completed", timeout=90000)
    assert page.locator(".block-result img.figure").count() == 1
    assert "figura lista" in page.locator(".block-result").inner_text()
    screenshot("block-figure", page.locator(".block-result"))


def test_an_infinite_loop_is_explained_as_a_timeout(worker, live_server, course, page, screenshot):
    Exercise.objects.filter(slug="reorganizar-lote").update(time_limit=2)
    log_in(page, live_server)
    page.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    type_code(page, "while True:\n    pass\n")
    page.click(".exercise [data-action=run]")
    page.wait_for_selector(".exercise .verdict.timeout", timeout=90000)
    assert "superó el tiempo máximo" in page.locator(".exercise .advice").inner_text()
    screenshot("exercise-timeout", page.locator(".exercise"))


def test_a_training_loop_streams_its_output_before_the_verdict(worker, live_server, course, page, screenshot):
    log_in(page, live_server)
    page.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    type_code(page, "import time\nfor epoca in range(1, 6):\n    print(f'época {epoca}: pérdida {1 / epoca:.3f}')\n"
                    "    time.sleep(0.8)\n")
    page.click(".exercise [data-action=run]")
    page.wait_for_selector(".exercise .live-output", timeout=90000)
    page.wait_for_function("document.querySelector('.exercise .live-output').textContent.includes('época 2')")
    assert page.locator(".exercise .verdict.completed").count() == 0
    screenshot("exercise-streaming", page.locator(".exercise"))
    page.wait_for_selector(".exercise .verdict.completed", timeout=90000)
    assert "época 5" in page.locator(".exercise .result").inner_text()


def test_an_error_traceback_line_jumps_to_the_editor(worker, live_server, course, page, screenshot):
    log_in(page, live_server)
    page.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    type_code(page, "x = 1\ny = 2\nz = x / 0\n")
    page.click(".exercise [data-action=run]")
    page.wait_for_selector(".exercise .verdict.error", timeout=90000)
    page.click(".exercise .traceback-line")
    selected = page.evaluate("window.getSelection().toString()")
    assert "z = x / 0" in selected
    screenshot("exercise-error", page.locator(".exercise"))


def test_the_page_works_on_a_phone_and_by_keyboard(live_server, course, browser, screenshot):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="es-ES")
    phone = context.new_page()
    phone.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways ({width}px)"
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.className") == "skip"
    screenshot("lesson-phone", phone)
    context.close()


def test_a_student_cannot_see_another_students_attempt_in_the_history(live_server, course, page):
    exercise = Exercise.objects.get(slug="reorganizar-lote")
    Submission.objects.create(user=make_user("otro"), exercise=exercise, mode="submit", code="secreto = 1",
                              status="failed")
    log_in(page, live_server, "nora")
    page.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    page.click(".exercise summary")
    page.wait_for_selector(".history-list >> text=Todavía no hay intentos")
    assert page.locator(".attempts").count() == 0 and "secreto" not in page.content()
