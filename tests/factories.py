"""Test data: a small course written as files, and factory_boy factories for the rows tests build."""
import shutil
import uuid
from pathlib import Path

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from courses import tokens
from courses.models import Classroom, ExerciseDraft, ExerciseResult, Membership, PersonalToken, QuizAttempt
from courses.verdicts import Verdict
from runner.models import Mode, Submission

REAL_CONTENT = Path(__file__).resolve().parent.parent / "content" / "pytorch-desde-cero"
EXERCISE_TEMPLATE = (REAL_CONTENT / "unidad-03-tensores-en-pytorch" / "3.1-estructura-y-propiedades" / "exercises"
                     / "reorganizar-lote")

COURSE_UUID = "11111111-1111-4111-8111-111111111111"
LESSON_ONE_UUID = "22222222-2222-4222-8222-222222222221"


def write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lesson_text(uuid_value, title, slug, order, body="Primer párrafo de la lección.\n\n## Apartado\n\nTexto.\n"):
    return (f"---\nuuid: {uuid_value}\ntitle: {title}\nslug: {slug}\norder: {order}\n"
            f"objectives:\n  - Entender {title.lower()}\n---\n\n{body}")


def write_course(root: Path, with_exercise=True) -> Path:
    """A course with one intro page, one unit, one section, two lessons and (optionally) one exercise."""
    course = root / "curso-mini"
    write(course / "course.yaml", f"uuid: {COURSE_UUID}\nslug: curso-mini\ntitle: Curso mini\n"
                                  "description: Un curso pequeño para las pruebas.\nlevel: Básico\n")
    write(course / "pages" / "intro-1.md", f"---\nuuid: {uuid.uuid4()}\ntitle: Bienvenida\nslug: bienvenida\n"
                                           "kind: intro\norder: 1\n---\n\nHola.\n")
    unit = course / "unidad-01-tensores"
    write(unit / "unit.yaml", f"uuid: {uuid.uuid4()}\nnumber: 1\ntitle: Tensores\nslug: unidad-1-tensores\n")
    section = unit / "1.1-basico"
    write(section / "section.yaml", f"uuid: {uuid.uuid4()}\nnumber: '1.1'\norder: 1\ntitle: Lo básico\n"
                                    "slug: 1-1-basico\n")
    write(section / "1.1.1-shapes.md", lesson_text(LESSON_ONE_UUID, "Shapes", "shapes-y-dtypes", 1, body=(
        "Primer párrafo de la lección.\n\n## Apartado\n\nTexto.\n\n```python run\n"
        "import matplotlib.pyplot as plt\nplt.plot([1, 4, 9])\nprint('figura lista')\n```\n")))
    write(section / "1.1.2-broadcasting.md", lesson_text(uuid.uuid4(), "Broadcasting", "broadcasting", 2))
    if with_exercise:
        shutil.copytree(EXERCISE_TEMPLATE, section / "exercises" / "reorganizar-lote")
        write(section / "exercises" / "test-broadcasting" / "exercise.yaml", QUIZ)
    return course


QUIZ = """uuid: 55555555-5555-4555-8555-555555555555
title: Test de broadcasting
slug: test-broadcasting
lesson: broadcasting
kind: quiz
points: 4
questions:
  - prompt: "¿Qué forma tiene el resultado de sumar (3, 1) y (1, 4)?"
    options:
      - text: "(3, 4)"
        correct: true
        explanation: "Cada eje de tamaño 1 se expande al tamaño del otro."
      - text: "(3, 1)"
        explanation: "El eje de tamaño 1 también se expande."
  - prompt: "¿Qué operaciones usan broadcasting?"
    multiple: true
    options:
      - text: "x + 1"
        correct: true
        explanation: "El escalar se expande a la forma de x."
      - text: "x * y con formas compatibles"
        correct: true
        explanation: "Las operaciones elemento a elemento lo aplican."
      - text: "x.shape"
        explanation: "Consultar la forma no opera."
"""


PASSWORD = "clave-segura-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"alumno{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password(PASSWORD)


def make_user(username="ana", password=PASSWORD, **extra):
    return UserFactory(username=username, password=password, **extra)


class ClassroomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Classroom

    name = factory.Sequence(lambda n: f"Grupo {n}")
    instructor = factory.SubFactory(UserFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    classroom = factory.SubFactory(ClassroomFactory)
    student = factory.SubFactory(UserFactory)


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A code submission; pass `status` and the result fields to build one that has ended."""

    class Meta:
        model = Submission

    user = factory.SubFactory(UserFactory)
    mode = Mode.RUN
    code = "print(1)"


class QuizAttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizAttempt

    user = factory.SubFactory(UserFactory)
    status = Verdict.FAILED


class ExerciseResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExerciseResult

    user = factory.SubFactory(UserFactory)
    attempts = 1
    first_attempt_at = factory.LazyFunction(timezone.now)
    last_attempt_at = factory.LazyFunction(timezone.now)


class ExerciseDraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExerciseDraft

    user = factory.SubFactory(UserFactory)
    code = "x = 1"


class PersonalTokenFactory(factory.django.DjangoModelFactory):
    """A token whose raw key is kept on the instance as `raw` (the database stores only its hash)."""

    class Meta:
        model = PersonalToken

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"script {n}")
    raw = factory.Sequence(lambda n: f"pdc_prueba-{n}-{uuid.uuid4().hex}")
    key_hash = factory.LazyAttribute(lambda token: tokens.hash_key(token.raw))
    prefix = factory.LazyAttribute(lambda token: token.raw[:8])

    @classmethod
    def _create(cls, model_class, *args, raw, **kwargs):
        token = super()._create(model_class, *args, **kwargs)
        token.raw = raw
        return token
