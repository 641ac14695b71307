"""A student who uses only the keyboard signs in, opens a lesson, writes code, runs it with Ctrl+Enter, submits it
with Shift+Enter, asks for a hint, opens the history and hears the verdict once, against the real sandbox. The
real verdicts (completed, failed, error, passed) are also checked with axe-core."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.factories import EXERCISE_TEMPLATE, make_user

from .accessibility import describe, violations

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.django_db(transaction=True)]
MAX_TABS = 80
FOCUS_IS_VISIBLE = """() => {
  const focused = document.activeElement;
  const ring = focused.closest('.cm-editor') || focused;
  const style = getComputedStyle(ring);
  const box = ring.getBoundingClientRect();
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && box.width > 0 && box.height > 0;
}"""
# Every non-empty text the verdict's live region takes, in order.
RECORD_ANNOUNCEMENTS = """() => {
  window.announcements = [];
  const region = document.querySelector('.exercise:not(.quiz) .announcer');
  new MutationObserver(() => { if (region.textContent.trim()) window.announcements.push(region.textContent); })
    .observe(region, {childList: true, characterData: true, subtree: true});
}"""


def tab_to(page, matches, backwards=False):
    """Presses Tab until the focused element satisfies the JavaScript predicate, checking each stop shows focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        try:
            # The editor draws its focus ring on the next frame, hence a short wait rather than one look.
            page.wait_for_function(FOCUS_IS_VISIBLE, timeout=2000)
        except PlaywrightTimeout:
            raise AssertionError("focus is not visible on " + page.evaluate(
                "document.activeElement.outerHTML.slice(0, 120)")) from None
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {matches}; }})()"):
            return
    raise AssertionError(f"{matches} is not reachable with Tab")


def wait_for_verdict(page, statuses):
    selector = ", ".join(f".exercise:not(.quiz) .verdict.{status}" for status in statuses)
    page.wait_for_selector(selector, timeout=90000)
    page.wait_for_function("window.announcements.length > 0")
    page.wait_for_timeout(500)
    return page.evaluate("window.announcements")


def assert_accessible(page, where):
    found = violations(page)
    assert not found, describe(where, found)


def replace_code(page, code):
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def test_a_student_works_through_an_exercise_with_the_keyboard_alone(worker, live_server, course, page, screenshot):
    make_user("teclado")
    page.goto(live_server.url + "/")
    tab_to(page, "el.matches('header a') && el.textContent.trim() === 'Entrar'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    if page.evaluate("document.activeElement.id") != "id_username":
        tab_to(page, "el.id === 'id_username'")
    page.keyboard.type("teclado")
    page.keyboard.press("Tab")
    page.keyboard.type("clave-segura-123")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.goto(live_server.url + "/cursos/curso-mini/")
    tab_to(page, "el.matches('.lessons a') && el.textContent.includes('Shapes')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".exercise .cm-content")
    page.evaluate(RECORD_ANNOUNCEMENTS)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0, "the skip link stays hidden"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, "el.classList.contains('cm-content')")
    help_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert "Esc" in page.locator(f"#{help_id}").inner_text()
    replace_code(page, "import torch\nprint(torch.ones(2, 3).sum())\n")
    page.keyboard.press("Control+Enter")
    said = wait_for_verdict(page, ["completed"])
    assert len(said) == 1 and said[0].startswith("Ejecutado."), said
    assert_accessible(page, "real run completed")

    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "run", "Escape then Tab leaves the editor"
    tab_to(page, "el.classList.contains('cm-content')", backwards=True)
    replace_code(page, (EXERCISE_TEMPLATE / "wrong" / "reshape-en-vez-de-permute.py").read_text())
    page.evaluate("window.announcements = []")
    page.keyboard.press("Shift+Enter")
    said = wait_for_verdict(page, ["failed"])
    first_failing = page.locator(".exercise .checks li.ko").first.locator("span").nth(1).inner_text().strip()
    assert len(said) == 1, f"the verdict was announced {len(said)} times: {said}"
    assert said[0].startswith("No superado · ") and "/10 puntos" in said[0]
    assert f"Primera comprobación que falla: {first_failing}" in said[0]
    assert page.locator(".exercise .result[aria-live], .exercise .result [role=status]").count() == 0
    screenshot("keyboard-verdict", page.locator(".exercise"))
    assert_accessible(page, "real submission failed")

    page.keyboard.press("Escape")
    tab_to(page, "el.dataset.action === 'hint'")
    page.keyboard.press("Enter")
    page.wait_for_selector(".hint-list li")
    tab_to(page, "el.matches('.history summary')")
    page.keyboard.press("Enter")
    page.wait_for_selector(".attempts")
    tab_to(page, "el.matches('.attempts button')")
    page.keyboard.press("Enter")
    page.wait_for_selector(".attempt-code pre")
    assert "reshape" in page.locator(".attempt-code pre").inner_text()

    tab_to(page, "el.classList.contains('cm-content')", backwards=True)
    replace_code(page, "x = 1\ny = 2\nz = x / 0\n")
    page.evaluate("window.announcements = []")
    page.keyboard.press("Control+Enter")
    said = wait_for_verdict(page, ["error"])
    assert len(said) == 1 and "ZeroDivisionError" in said[0] and "(línea 3)" in said[0], said
    assert_accessible(page, "real run with an error")

    replace_code(page, (EXERCISE_TEMPLATE / "solution.py").read_text())
    page.evaluate("window.announcements = []")
    page.keyboard.press("Shift+Enter")
    said = wait_for_verdict(page, ["passed"])
    assert said == ["Superado · 10/10 puntos."], said
    assert_accessible(page, "real submission passed")
