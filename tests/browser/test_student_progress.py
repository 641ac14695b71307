"""A new student signs up, opens a lesson, marks it done and sees the course progress bar move."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def progress_value(page):
    return int(page.locator("#course-progress [role=progressbar]").get_attribute("aria-valuenow"))


def test_sign_up_open_a_lesson_mark_it_done_and_see_progress(live_server, course, page, screenshot):
    page.goto(live_server.url + "/registro/")
    page.fill("#id_username", "lucia")
    page.fill("#id_password1", "Tensores-y-gradientes-7")
    page.fill("#id_password2", "Tensores-y-gradientes-7")
    page.click("button[type=submit]")
    assert page.locator(".who").inner_text() == "lucia"

    page.goto(live_server.url + "/cursos/curso-mini/")
    assert progress_value(page) == 0
    page.click("text=Shapes")
    assert page.locator("h1").inner_text() == "Shapes"
    assert page.locator(".toc a[href='#apartado']").count() == 1
    screenshot("lesson-before-done")
    page.click("#complete")
    assert page.locator(".badge.passed").first.is_visible()

    page.goto(live_server.url + "/cursos/curso-mini/")
    assert progress_value(page) == 50
    assert page.locator(".lessons li.done").count() == 1
    assert "Continuar donde lo dejaste" in page.locator(".course-head").inner_text()
    screenshot("course-progress-after-done", full_page=True)
