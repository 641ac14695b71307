"""Every page and every state of the platform passes axe-core's WCAG 2.1 A and AA rules, in Spanish and in English,
on a desktop and on a 360 px phone, in the light and the dark theme. Exercise verdicts come from stored results
served by the real submissions API (the sandbox is exercised by test_keyboard.py and test_student_exercises.py)."""
import json
import uuid

import pytest
from django.utils import timezone

from courses import roles
from courses.models import Classroom, Exercise, Lesson, LessonProgress, Membership
from runner import lifecycle
from runner.models import Submission
from tests.factories import SubmissionFactory, lesson_text, make_user, write, write_course

from .accessibility import Audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LESSON = "/cursos/curso-mini/lecciones/shapes-y-dtypes/"
QUIZ_LESSON = "/cursos/curso-mini/lecciones/broadcasting/"
RICH_LESSON = "/cursos/curso-mini/lecciones/tablas-y-diagramas/"
RICH_BODY = '''Una lección con todo lo que un autor puede escribir.

!!! note "Recuerda"
    Un tensor tiene `shape`, `dtype` y `device`.

!!! warning "Cuidado"
    `view` exige memoria contigua; `reshape` copia si hace falta.

!!! tip "Consejo"
    Imprime `x.shape` antes de cada operación.

## Una tabla

| operación | forma de entrada | forma de salida |
| --- | :---: | ---: |
| `x.permute(0, 2, 3, 1)` | (N, C, H, W) | (N, H, W, C) |
| `x.flatten(1)` | (N, C, H, W) | (N, C·H·W) |

## Un diagrama

```text
 entrada (N, 784) ──► Linear(784, 128) ──► ReLU ──► Linear(128, 10) ──► logits (N, 10)
```

## Código con todos sus colores

```python
"""Documentación del módulo."""
import torch  # un comentario
from torch import nn


@torch.no_grad()
class Modelo(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        escala = 0x1F + 3.5e-2 + 10
        nombre = f"capa {escala!r}\\n" + 'otra' + r"\\d+"
        if x is None or not isinstance(x, torch.Tensor):
            raise ValueError(nombre)
        return self.capa(x).relu() @ x.T  # una línea muy larga que obliga al bloque de código a desplazarse en horizontal
```

```python run
x = torch.arange(6).reshape(2, 3)
print(x.sum(dim=0))
```
'''
RESULTS = {
    "queued": {},
    "running": {},
    "passed": {"score": 10, "max_score": 10, "stdout": "forma: torch.Size([8, 28, 28, 1])\n", "duration_ms": 1830,
               "device": "cpu", "checks": [
                   {"name": "devuelve un tensor", "passed": True, "message": ""},
                   {"name": "forma correcta", "passed": True, "message": "`canales_al_final(x)` tiene forma (8, 28, 28, 1)."}]},
    "failed": {"score": 4, "max_score": 10, "duration_ms": 1710, "device": "cpu", "checks": [
        {"name": "devuelve un tensor", "passed": True, "message": ""},
        {"name": "forma correcta", "passed": False,
         "message": "`canales_al_final(x)` debería tener forma (8, 28, 28, 1) y tiene (8, 784)."}]},
    "error": {"duration_ms": 950, "device": "cpu",
              "error": {"type": "ZeroDivisionError", "message": "division by zero", "line": 3},
              "stderr": 'Traceback (most recent call last):\n  File "main.py", line 3, in <module>\n'
                        "ZeroDivisionError: division by zero\n"},
    "timeout": {"duration_ms": 20000, "device": "cpu", "stdout": "época 1\népoca 2\n"},
    "memory_limit": {"duration_ms": 4200, "device": "cpu"},
    "output_limit": {"duration_ms": 3100, "device": "cpu", "stdout": "0\n1\n2\n" * 200},
    "system_error": {"device": "cpu"},
}
COMBINATIONS = [
    pytest.param("es", 1280, "light", id="es-desktop"),
    pytest.param("en", 1280, "light", id="en-desktop"),
    pytest.param("es", 360, "light", id="es-phone"),
    pytest.param("en", 360, "light", id="en-phone"),
    pytest.param("es", 1280, "dark", id="es-desktop-dark"),
    pytest.param("en", 360, "dark", id="en-phone-dark"),
]


@pytest.fixture
def course_dir(tmp_path):
    """The test course plus a lesson with admonitions, a table, a diagram and highlighted code."""
    root = write_course(tmp_path)
    write(root / "unidad-01-tensores" / "1.1-basico" / "1.1.3-tablas.md",
          lesson_text(uuid.uuid4(), "Tablas y diagramas", "tablas-y-diagramas", 3, body=RICH_BODY))
    return root


@pytest.fixture
def classroom(course):
    """An instructor's class with one student who passed a quiz, failed an exercise and saw a hint."""
    teacher = make_user("profe")
    roles.grant(teacher, roles.INSTRUCTOR)
    classroom = Classroom.objects.create(course=course, instructor=teacher, name="Tarde de martes")
    pupil = make_user("pablo")
    Membership.objects.create(classroom=classroom, student=pupil)
    exercise = Exercise.objects.get(slug="reorganizar-lote")
    for n in range(3):
        failed = SubmissionFactory(user=pupil, exercise=exercise, mode="submit", status="failed",
                                   code=f"def canales_al_final(x):\n    return x.reshape({n})\n",
                                   score=4, max_score=10, checks=RESULTS["failed"]["checks"],
                                   finished_at=timezone.now())
        lifecycle.report_verdict(failed)  # results and failure signatures, as the worker records them
    LessonProgress.objects.create(user=pupil, lesson=Lesson.objects.get(slug="broadcasting"))
    return classroom


def new_page(browser, width, scheme, language):
    height = 780 if width < 600 else 900
    context = browser.new_context(viewport={"width": width, "height": height}, locale="es-ES", color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(20000)
    return page


def choose_language(page, live_server, language):
    """The footer's language menu posts to /i18n/setlang/, as a visitor would."""
    page.goto(live_server.url + "/")
    if language != "es":
        with page.expect_navigation():
            page.select_option("#language", language)
    assert page.get_attribute("html", "lang") == language


def log_in(page, live_server, username):
    page.goto(live_server.url + "/cuentas/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "clave-segura-123")
    with page.expect_navigation():
        page.click("main button[type=submit]")


def log_out(page):
    with page.expect_navigation():
        page.click("header form button[type=submit]")


def show_stored_result(page, status, user):
    """Makes the next Ejecutar/Enviar of the page follow a stored submission: the page posts, gets that id back
    and polls the real GET /api/submissions/<id>/ as it does for any run."""
    exercise = Exercise.objects.get(slug="reorganizar-lote")
    stored = Submission.objects.create(user=user, exercise=exercise, mode="submit", code="x = 1\ny = 2\nz = x / 0\n",
                                       status=status, **RESULTS[status])
    body = json.dumps({"id": str(stored.id), "status": "queued"})
    page.route("**/api/submissions/", lambda route: route.fulfill(status=201, body=body,
                                                                  content_type="application/json")
               if route.request.method == "POST" else route.continue_())
    page.click(".exercise:not(.quiz) [data-action=submit]")
    page.wait_for_selector(f".exercise .verdict.{status}")
    if status in ("queued", "running"):
        page.wait_for_timeout(600)  # a poll or two later, the page still shows the same state
    page.unroute("**/api/submissions/")


@pytest.mark.parametrize("language,width,scheme", COMBINATIONS)
def test_every_page_and_state_passes_wcag_21_aa(live_server, course, classroom, browser, language, width, scheme):
    audit = Audit()
    page = new_page(browser, width, scheme, language)
    choose_language(page, live_server, language)
    where = f"[{language} {width}px {scheme}]"

    for path in ["/", "/cursos/curso-mini/", "/cursos/curso-mini/paginas/bienvenida/", LESSON, RICH_LESSON,
                 QUIZ_LESSON, "/cuentas/login/", "/registro/", "/cuentas/password_reset/"]:
        page.goto(live_server.url + path)
        audit.check(page, f"{where} anonymous {path}")
    page.goto(live_server.url + "/registro/")
    page.fill("#id_username", "nueva")
    page.fill("#id_password1", "corta")
    page.fill("#id_password2", "distinta")
    page.click("main button[type=submit]")
    page.wait_for_selector(".error")
    audit.check(page, f"{where} sign-up with errors")
    page.goto(live_server.url + "/cuentas/login/")
    page.fill("#id_username", "nadie")
    page.fill("#id_password", "mal")
    page.click("main button[type=submit]")
    page.wait_for_selector(".error")
    audit.check(page, f"{where} login with an error")

    student = make_user("ana")
    Membership.objects.create(classroom=classroom, student=student)
    log_in(page, live_server, "ana")
    for path in ["/panel/", "/cursos/curso-mini/", RICH_LESSON, "/unirse/"]:
        page.goto(live_server.url + path)
        audit.check(page, f"{where} student {path}")

    page.goto(live_server.url + LESSON)
    page.wait_for_selector(".exercise .cm-content")
    page.click(".exercise [data-action=hint]")
    page.wait_for_selector(".hint-list li")
    for status in RESULTS:
        page.goto(live_server.url + LESSON)
        page.wait_for_selector(".exercise .cm-content")
        show_stored_result(page, status, student)
        audit.check(page, f"{where} exercise {status}")
        Submission.objects.filter(status__in=["queued", "running"]).update(status="cancelled")
    page.click(".exercise .history summary")
    page.wait_for_selector(".attempts")
    page.locator(".attempts button").first.click()
    audit.check(page, f"{where} exercise history")

    page.goto(live_server.url + QUIZ_LESSON)
    page.check("input[name^=q0][value='1']")
    page.click(".quiz [type=submit]")
    page.wait_for_selector(".quiz .verdict.failed")
    audit.check(page, f"{where} quiz failed")
    page.check("input[name^=q0][value='0']")
    page.check("input[name^=q1][value='0']")
    page.check("input[name^=q1][value='1']")
    page.click(".quiz [type=submit]")
    page.wait_for_selector(".quiz .verdict.passed")
    audit.check(page, f"{where} quiz passed")
    page.goto(live_server.url + "/panel/")
    audit.check(page, f"{where} student dashboard with activity")
    log_out(page)
    audit.check(page, f"{where} logged out")

    log_in(page, live_server, "profe")
    pupil = classroom.students.get(username="pablo")
    for path in ["/profesor/", f"/profesor/grupos/{classroom.pk}/", f"/profesor/grupos/{classroom.pk}/ejercicios/",
                 f"/profesor/grupos/{classroom.pk}/alumnos/{pupil.pk}/"]:
        page.goto(live_server.url + path)
        audit.check(page, f"{where} instructor {path}")
    page.locator(".attempt-block summary").first.click()
    audit.check(page, f"{where} instructor attempt opened")
    log_out(page)

    make_user("admin-contenido", is_staff=True, is_superuser=True)
    log_in(page, live_server, "admin-contenido")
    page.goto(live_server.url + "/contenido/salud/")
    audit.check(page, f"{where} admin content health")
    lesson = Lesson.objects.get(slug="tablas-y-diagramas")
    exercise = Exercise.objects.get(slug="reorganizar-lote")
    attempt = Submission.objects.filter(exercise=exercise).first()
    for path in ["/admin/", "/admin/courses/lesson/", f"/admin/courses/lesson/{lesson.pk}/change/",
                 "/admin/courses/exercise/", f"/admin/courses/exercise/{exercise.pk}/change/",
                 "/admin/runner/submission/", f"/admin/runner/submission/{attempt.pk}/change/", "/admin/courses/classroom/"]:
        page.goto(live_server.url + path)
        audit.check(page, f"{where} Django admin {path}")

    page.context.close()
    audit.assert_clean()


def test_the_dark_theme_and_200_percent_zoom_keep_the_lesson_readable(live_server, course, browser, screenshot):
    dark = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-ES", color_scheme="dark").new_page()
    dark.goto(live_server.url + RICH_LESSON)
    background = dark.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 21, 28)", background
    screenshot("a11y-lesson-dark", dark, full_page=True)
    dark.goto(live_server.url + LESSON)
    dark.wait_for_selector(".exercise .cm-content")
    screenshot("a11y-exercise-dark", dark.locator(".exercise"))
    dark.context.close()

    # 200 % zoom of a 1280 × 900 window lays the page out in 640 × 450 CSS pixels at twice the density.
    zoomed = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2, locale="es-ES").new_page()
    for path in ["/", "/cursos/curso-mini/", LESSON, RICH_LESSON, QUIZ_LESSON, "/cuentas/login/", "/registro/"]:
        zoomed.goto(live_server.url + path)
        width = zoomed.evaluate("document.documentElement.scrollWidth")
        assert width <= 640, f"{path} scrolls sideways at 200 % zoom ({width}px)"
    zoomed.goto(live_server.url + RICH_LESSON)
    screenshot("a11y-lesson-zoom-200", zoomed, full_page=True)
    zoomed.context.close()


def test_reduced_motion_turns_transitions_off(live_server, course, browser):
    make_user("quieta")
    calm = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-ES", reduced_motion="reduce").new_page()
    log_in(calm, live_server, "quieta")
    calm.goto(live_server.url + "/cursos/curso-mini/")
    duration = calm.evaluate("getComputedStyle(document.querySelector('.progress span')).transitionDuration")
    assert duration == "0s", duration
    calm.context.close()
