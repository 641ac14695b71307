"""What the studio keeps besides the files: exercise drafts waiting for their proof, and runs of a lesson's
blocks. The files stay the source of truth for everything published."""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models import Exercise, Lesson


class Status(models.TextChoices):
    EDITING = "editing", _("Borrador")
    QUEUED = "queued", _("En cola")
    RUNNING = "running", _("Validando")
    PASSED = "passed", _("Validado")
    FAILED = "failed", _("Rechazado")


class AuthorDraft(models.Model):
    """An author's unpublished version of an exercise's files. Students keep seeing the published files until
    this exact content has been proven in the sandbox and published."""

    exercise = models.OneToOneField(Exercise, on_delete=models.CASCADE, related_name="studio_draft",
                                    verbose_name=_("ejercicio"))
    files = models.JSONField(_("archivos"), default=dict)
    base_hash = models.CharField(_("huella de los archivos al abrir"), max_length=64)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               verbose_name=_("autor"))
    updated_at = models.DateTimeField(_("actualizado"), auto_now=True)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.EDITING)
    validated_hash = models.CharField(_("huella validada"), max_length=64, blank=True)
    problems = models.JSONField(_("problemas"), default=list, blank=True)

    class Meta:
        verbose_name = _("borrador de ejercicio")
        verbose_name_plural = _("borradores de ejercicios")
        permissions = [("author_content", _("Puede editar el contenido del curso en el estudio"))]

    def __str__(self):
        return f"{self.exercise} ({self.get_status_display()})"


class BlockRun(models.Model):
    """The runnable blocks of a lesson as saved, run once in the sandbox so the author sees which ones fail."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="studio_block_runs",
                               verbose_name=_("lección"))
    blocks = models.JSONField(_("bloques"), default=list)
    results = models.JSONField(_("resultados"), default=list, blank=True)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ejecución de bloques")
        verbose_name_plural = _("ejecuciones de bloques")
