import posixpath
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .rendering import render_markdown
from .verdicts import Verdict


class Course(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    level = models.CharField(max_length=100, blank=True)
    duration_estimate = models.CharField(max_length=100, blank=True)
    prerequisites = models.JSONField(default=list, blank=True)
    audience = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    updated = models.DateField(null=True, blank=True)
    published = models.BooleanField(default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("curso")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("course", args=[self.slug])

    def lessons(self):
        return Lesson.objects.filter(section__unit__course=self)


class Unit(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="units")
    number = models.PositiveIntegerField()
    slug = models.SlugField(max_length=200)
    title = models.CharField(max_length=200)
    source_path = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["course", "number"]
        constraints = [models.UniqueConstraint(fields=["course", "slug"], name="unit_slug_per_course")]
        verbose_name = _("unidad")

    def __str__(self):
        return f"Unidad {self.number} — {self.title}"


class Section(models.Model):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(max_length=20)
    order = models.PositiveIntegerField()
    slug = models.SlugField(max_length=200)
    title = models.CharField(max_length=200)
    source_path = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["unit__number", "order"]
        verbose_name = _("sección")
        verbose_name_plural = _("secciones")

    def __str__(self):
        return f"{self.number} — {self.title}"


class RenderedDocument(models.Model):
    """Markdown kept as written plus the sanitised HTML rendered from it once, on save."""

    body_markdown = models.TextField(blank=True)
    body_html = models.TextField(blank=True, editable=False)
    toc_html = models.TextField(blank=True, editable=False)
    source_path = models.CharField(max_length=500, blank=True)
    synced_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def render(self):
        folder = posixpath.dirname(self.source_path) if self.source_path else None
        self.body_html, self.toc_html = render_markdown(self.body_markdown, folder)


class Lesson(RenderedDocument):
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="lessons")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="all_lessons")
    number = models.CharField(max_length=20)
    order = models.PositiveIntegerField()
    position = models.PositiveIntegerField(default=0, help_text="Orden global dentro del curso.")
    slug = models.SlugField(max_length=200)
    title = models.CharField(max_length=200)
    objectives = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["course", "position"]
        constraints = [models.UniqueConstraint(fields=["course", "slug"], name="lesson_slug_per_course")]
        verbose_name = _("lección")
        verbose_name_plural = _("lecciones")

    def __str__(self):
        return f"{self.number} — {self.title}"

    def get_absolute_url(self):
        return reverse("lesson", args=[self.course.slug, self.slug])


class Page(RenderedDocument):
    INTRO, END = "intro", "end"
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="pages")
    kind = models.CharField(max_length=10, choices=[(INTRO, _("Introducción")), (END, _("Final"))])
    order = models.PositiveIntegerField()
    slug = models.SlugField(max_length=200)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["course", "kind", "order"]
        constraints = [models.UniqueConstraint(fields=["course", "slug"], name="page_slug_per_course")]
        verbose_name = _("página")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", args=[self.course.slug, self.slug])


class Device(models.TextChoices):
    """Where an exercise's code may run; the runner turns this into a queue."""

    CPU = "cpu", "CPU"
    GPU = "gpu", "GPU"
    ANY = "any", _("CPU o GPU")


class Exercise(models.Model):
    CODE, QUIZ = "code", "quiz"
    uuid = models.UUIDField(unique=True, default=uuid.uuid4)
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="exercises")
    kind = models.CharField(max_length=10, choices=[(CODE, _("Código")), (QUIZ, _("Test"))], default=CODE)
    order = models.PositiveIntegerField(default=1)
    slug = models.SlugField(max_length=200)
    title = models.CharField(max_length=200)
    instructions_markdown = models.TextField(blank=True)
    instructions_html = models.TextField(blank=True, editable=False)
    device = models.CharField(max_length=3, choices=Device.choices, default=Device.CPU)
    time_limit = models.PositiveIntegerField(default=10, help_text=_("Segundos"))
    memory_limit = models.PositiveIntegerField(default=1024, help_text=_("MiB"))
    points = models.PositiveIntegerField(default=10)
    hints = models.JSONField(default=list, blank=True)
    starter_code = models.TextField(blank=True)
    solution_code = models.TextField(blank=True)
    checks_code = models.TextField(blank=True)
    wrong_attempts = models.JSONField(default=dict, blank=True)
    quiz = models.JSONField(default=list, blank=True)
    published = models.BooleanField(default=True)
    source_path = models.CharField(max_length=500, blank=True)
    synced_hash = models.CharField(max_length=64, blank=True, editable=False)
    validated_at = models.DateTimeField(null=True, blank=True, editable=False)
    validation_ok = models.BooleanField(null=True, editable=False)
    validation_report = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["lesson__position", "order"]
        constraints = [models.UniqueConstraint(fields=["lesson", "slug"], name="exercise_slug_per_lesson")]
        verbose_name = _("ejercicio")

    def __str__(self):
        return self.title

    def render(self):
        self.instructions_html, _toc = render_markdown(self.instructions_markdown)


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    first_viewed_at = models.DateTimeField(auto_now_add=True)
    last_viewed_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_per_lesson")]
        verbose_name = _("progreso de lección")
        verbose_name_plural = _("progreso de lecciones")


class ExerciseDraft(models.Model):
    """The code in a student's editor, saved as they type so it follows them to another device."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="drafts")
    code = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "exercise"], name="one_draft_per_exercise")]
        verbose_name = _("borrador")


class HintReveal(models.Model):
    """A hint a student chose to see; instructors see who needed which hints."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hint_reveals")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="hint_reveals")
    index = models.PositiveIntegerField()
    revealed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "exercise", "index"], name="one_reveal_per_hint")]
        verbose_name = _("pista vista")
        verbose_name_plural = _("pistas vistas")


def new_join_code():
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Classroom(models.Model):
    """A class ("grupo") an instructor runs for one course; students join it with its code."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="classrooms")
    instructor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms")
    name = models.CharField(max_length=200)
    join_code = models.CharField(max_length=12, unique=True, default=new_join_code)
    created_at = models.DateTimeField(auto_now_add=True)
    students = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="enrolled_in")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("grupo")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("classroom", args=[self.pk])


class Membership(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["classroom", "student"], name="one_membership_per_class")]
        verbose_name = _("matrícula")


class ContentSync(models.Model):
    """What the last content syncs found, for the admins' content health page."""

    created_at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(max_length=300)
    problems = models.JSONField(default=list)
    overwritten = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sincronización de contenido")
        verbose_name_plural = _("sincronizaciones de contenido")


class ExerciseResult(models.Model):
    """One student's record on one exercise, kept up to date as each graded attempt ends.

    Progress and the instructors' reports read this row instead of every attempt; the runner and the quiz
    grader update it through `progress.record_attempt`, the one door by which a verdict reaches `courses`.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exercise_results")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="results")
    attempts = models.PositiveIntegerField(default=0)
    best_score = models.FloatField(default=0)
    max_score = models.FloatField(default=0)
    last_status = models.CharField(max_length=20, choices=Verdict.choices, blank=True)
    first_attempt_at = models.DateTimeField()
    last_attempt_at = models.DateTimeField(db_index=True)
    first_passed_at = models.DateTimeField(null=True, blank=True)
    attempts_to_pass = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "exercise"], name="one_result_per_exercise")]
        indexes = [models.Index(fields=["exercise", "user"])]
        verbose_name = _("resultado de ejercicio")
        verbose_name_plural = _("resultados de ejercicios")

    @property
    def passed(self):
        return self.first_passed_at is not None


class QuizAttempt(models.Model):
    """A quiz answered and graded at once, on the server: no code runs, so no sandbox and no queue."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="quiz_attempts")
    answers = models.JSONField(default=list)
    checks = models.JSONField(default=list)
    score = models.FloatField(default=0)
    max_score = models.FloatField(default=0)
    status = models.CharField(max_length=20, choices=Verdict.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "exercise", "-created_at"])]
        verbose_name = _("intento de test")
        verbose_name_plural = _("intentos de tests")


class FailureSignature(models.Model):
    """One named reason a graded attempt failed, written with its verdict, so analytics are a GROUP BY.

    `attempt_id` is the id of the code submission or quiz attempt; `courses` does not know the runner's tables.
    """

    attempt_id = models.UUIDField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="failure_signatures")
    signature = models.CharField(max_length=200)
    check_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["exercise", "signature"])]
        verbose_name = _("firma de fallo")
        verbose_name_plural = _("firmas de fallo")


class PersonalToken(models.Model):
    """A named key a user creates for scripts; only its SHA-256 is stored, the raw key is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=12, editable=False, help_text=_("Comienzo de la clave, para reconocerla"))
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("clave personal de la API")
        verbose_name_plural = _("claves personales de la API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
