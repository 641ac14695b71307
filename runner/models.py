import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    QUEUED = "queued", _("En cola")
    RUNNING = "running", _("Ejecutando")
    PASSED = "passed", _("Superado")
    FAILED = "failed", _("No superado")
    COMPLETED = "completed", _("Completado")
    ERROR = "error", _("Error en el código")
    TIMEOUT = "timeout", _("Tiempo agotado")
    MEMORY_LIMIT = "memory_limit", _("Memoria agotada")
    OUTPUT_LIMIT = "output_limit", _("Demasiada salida")
    SYSTEM_ERROR = "system_error", _("Error del sistema")
    CANCELLED = "cancelled", _("Cancelado")


TERMINAL = [s for s in Status.values if s not in (Status.QUEUED, Status.RUNNING)]


class SubmissionQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)

    def terminal(self):
        return self.filter(status__in=TERMINAL)


class Submission(models.Model):
    RUN, SUBMIT, QUIZ = "run", "submit", "quiz"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions")
    exercise = models.ForeignKey("courses.Exercise", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="submissions")
    mode = models.CharField(max_length=10, choices=[(RUN, _("Ejecutar")), (SUBMIT, _("Enviar")), (QUIZ, _("Test"))])
    code = models.TextField()
    idempotency_key = models.CharField(max_length=100, blank=True)
    queue = models.CharField(max_length=10, default="cpu")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    claim_token = models.UUIDField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    max_score = models.FloatField(null=True, blank=True)
    checks = models.JSONField(default=list, blank=True)
    stdout = models.TextField(blank=True)
    stderr = models.TextField(blank=True)
    figures = models.JSONField(default=list, blank=True)
    error = models.JSONField(null=True, blank=True)
    message = models.TextField(blank=True)
    device = models.CharField(max_length=20, blank=True)
    image = models.CharField(max_length=100, blank=True)
    worker = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    run_ms = models.PositiveIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "idempotency_key"], condition=~models.Q(idempotency_key=""),
                                    name="one_submission_per_idempotency_key"),
        ]
        indexes = [models.Index(fields=["user", "exercise", "-created_at"])]
        verbose_name = _("envío")

    def __str__(self):
        return f"{self.get_mode_display()} {self.id} ({self.status})"

    @property
    def is_terminal(self):
        return self.status in TERMINAL


class FailureSignature(models.Model):
    """One named reason a graded attempt failed, written with its result, so analytics are a GROUP BY."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    exercise = models.ForeignKey("courses.Exercise", on_delete=models.CASCADE, related_name="failure_signatures")
    signature = models.CharField(max_length=200)
    check_name = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["exercise", "signature"])]
