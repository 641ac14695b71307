import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.verdicts import Verdict

#: A submission's state: waiting, running, or one of the verdicts `courses` defines.
Status = models.TextChoices("Status", [("QUEUED", ("queued", _("En cola"))), ("RUNNING", ("running", _("Ejecutando")))]
                            + [(verdict.name, (verdict.value, verdict.label)) for verdict in Verdict])
TERMINAL = list(Verdict.values)


class Mode(models.TextChoices):
    RUN = "run", _("Ejecutar")
    SUBMIT = "submit", _("Enviar")


class Queue(models.TextChoices):
    CPU = "cpu", "CPU"
    GPU = "gpu", "GPU"


class SubmissionQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(user=user)

    def terminal(self):
        return self.filter(status__in=TERMINAL)


class Submission(models.Model):
    RUN, SUBMIT = Mode.RUN, Mode.SUBMIT
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions")
    exercise = models.ForeignKey("courses.Exercise", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="submissions")
    mode = models.CharField(max_length=10, choices=Mode.choices)
    code = models.TextField()
    idempotency_key = models.CharField(max_length=100, blank=True)
    queue = models.CharField(max_length=10, choices=Queue.choices, default=Queue.CPU)
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
    cpu_ms = models.PositiveIntegerField(null=True, blank=True, help_text=_("CPU del contenedor entero"))
    warm = models.BooleanField(null=True, help_text=_("Si el contenedor salió de la reserva ya preparada"))
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
