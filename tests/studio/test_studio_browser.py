"""An admin authors in the browser against the real stack: the files on disk, git, the worker and the sandbox."""
import pytest

from courses import roles
from courses.models import Exercise
from studio import files
from tests.factories import make_user

from .conftest import git

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

LESSON_BODY = """Este texto viene del **estudio**.

!!! tip "Consejo"
    Ejecuta cada bloque.

## Bloques

```python run
import torch
print(torch.ones(2, 3).sum())
```

```python run
print(1 / 0)
```
"""


def log_in(page, live_server, username):
    page.goto(live_server.url + "/cuentas/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "clave-segura-123")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def whole_page(page, screenshot, name):
    """Editors lay out only what is on screen, so the window grows to the page before the picture is taken."""
    page.set_viewport_size({"width": 1280, "height": min(page.evaluate("document.body.scrollHeight"), 4000)})
    page.wait_for_timeout(300)
    screenshot(name)
    page.set_viewport_size({"width": 1280, "height": 900})


def set_editor(page, name, text):
    page.evaluate("([name, text]) => window.StudioEditor.get(name).setValue(text)", [name, text])


def test_an_admin_edits_a_lesson_previews_saves_and_students_see_it(worker, live_server, page, author, studio_course,
                                                                     lesson_file, browser, screenshot):
    log_in(page, live_server, "autora")
    page.click("header >> text=Estudio")
    page.fill("#q", "shapes")
    page.press("#q", "Enter")
    page.wait_for_selector(".tree >> text=1.1.1 Shapes")
    assert page.locator(".tree >> text=Broadcasting").count() == 0
    screenshot("studio-tree")
    page.click(".tree >> text=1.1.1 Shapes")
    page.wait_for_selector(".preview h2:has-text('Apartado')")

    set_editor(page, "body", LESSON_BODY)
    page.wait_for_selector(".preview .admonition.tip")
    assert page.locator(".preview .runnable").count() == 2
    page.fill("#id_title", "Shapes desde el estudio")
    page.fill("#id_message", "Reescribe la lección con bloques")
    page.click("#save")
    assert "registrado en git" in page.locator(".messages").inner_text()

    page.wait_for_selector("[data-block-run][data-status=failed]", timeout=90000)
    results = page.locator(".preview .block-result")
    assert results.count() == 2
    assert "sin errores" in results.nth(0).inner_text()
    assert "ZeroDivisionError" in results.nth(1).inner_text()
    whole_page(page, screenshot, "studio-lesson")

    text = lesson_file.read_text()
    assert "title: Shapes desde el estudio\n" in text and "Este texto viene del **estudio**." in text
    assert git(lesson_file.parent, "log", "-1", "--format=%an|%s").strip() == "Ana Autora|Reescribe la lección con bloques"

    student = browser.new_context(locale="es-ES").new_page()
    student.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    assert student.locator("h1").inner_text() == "Shapes desde el estudio"
    assert "Este texto viene del estudio." in student.locator(".lesson-body").inner_text()


def test_a_broken_solution_is_refused_with_the_failing_check_and_a_good_one_is_published(
        worker, live_server, page, author, studio_course, exercise_dir, browser, screenshot):
    published = files.read_exercise(exercise_dir)
    log_in(page, live_server, "autora")
    page.goto(live_server.url + "/estudio/")
    page.click(".tree >> text=Reorganizar un lote de imágenes")
    page.wait_for_selector(".code-grid .cm-editor")
    whole_page(page, screenshot, "studio-exercise")

    broken = published["solution.py"].replace("x.reshape(x.shape[0], -1)", "x.reshape(-1)")
    set_editor(page, "solution", broken)
    page.click("#validate")
    page.wait_for_selector(".status-box[data-status=failed]", timeout=120000)
    problems = page.locator(".status-box .problems").inner_text()
    assert "solution.py no pasa" in problems and "aplanar_lote devuelve una fila por imagen" in problems
    assert page.locator("#publish").is_disabled()
    whole_page(page, screenshot, "studio-exercise-refused")
    assert files.read_exercise(exercise_dir) == published

    set_editor(page, "solution", published["solution.py"])
    page.fill("#id_title", "Reorganizar lotes de imágenes")
    page.click("#validate")
    page.wait_for_selector(".status-box[data-status=passed]", timeout=120000)
    page.click("#publish")
    assert "Publicado" in page.locator(".messages").inner_text()
    assert "title: Reorganizar lotes de imágenes" in (exercise_dir / "exercise.yaml").read_text()
    assert Exercise.objects.get(slug="reorganizar-lote").title == "Reorganizar lotes de imágenes"
    student = browser.new_context(locale="es-ES").new_page()
    student.goto(live_server.url + "/cursos/curso-mini/lecciones/shapes-y-dtypes/")
    assert student.locator(".exercise h2", has_text="Reorganizar lotes de imágenes").count() == 1


def test_a_change_on_disk_while_editing_is_shown_and_nothing_is_lost(live_server, page, author, studio_course,
                                                                      lesson_file, screenshot):
    log_in(page, live_server, "autora")
    page.goto(live_server.url + "/estudio/")
    page.click(".tree >> text=1.1.1 Shapes")
    page.wait_for_selector(".preview h2")
    set_editor(page, "body", "Mi párrafo escrito en el estudio.\n")
    theirs = lesson_file.read_text().replace("Primer párrafo", "Párrafo que trajo un despliegue")
    lesson_file.write_text(theirs)
    page.click("#save")

    page.wait_for_selector("text=El archivo cambió mientras lo editabas")
    assert "Mi párrafo escrito en el estudio." in page.locator("#mine-1").inner_text()
    assert "Párrafo que trajo un despliegue" in page.locator("#theirs-1").inner_text()
    whole_page(page, screenshot, "studio-conflict")
    assert lesson_file.read_text() == theirs

    merged = theirs.rstrip() + "\n\nMi párrafo escrito en el estudio.\n"
    set_editor(page, "text", merged)
    page.click("#keep-mine")
    assert "registrado en git" in page.locator(".messages").inner_text()
    assert lesson_file.read_text() == merged


@pytest.mark.parametrize("who", ["student", "instructor"])
def test_people_who_may_not_author_get_404_in_the_browser(live_server, page, studio_course, who):
    user = make_user(who)
    roles.grant(user, roles.STUDENT if who == "student" else roles.INSTRUCTOR)
    log_in(page, live_server, who)
    assert page.locator("header >> text=Estudio").count() == 0
    for path in ("/estudio/", "/estudio/ejercicios/fa97c620-e817-46a1-a827-6bcf97483b55/"):
        assert page.goto(live_server.url + path).status == 404


def test_an_admin_edits_a_quiz_and_it_is_published_on_save(live_server, page, author, studio_course, screenshot):
    log_in(page, live_server, "autora")
    page.goto(live_server.url + "/estudio/")
    page.click(".tree >> text=Test de broadcasting")
    page.fill("#id_title", "Test de broadcasting (repaso)")
    whole_page(page, screenshot, "studio-quiz")
    page.click("#save")
    assert "Test guardado y publicado" in page.locator(".messages").inner_text()
    page.goto(live_server.url + "/cursos/curso-mini/lecciones/broadcasting/")
    assert page.locator(".quiz h2", has_text="Test de broadcasting (repaso)").count() == 1
