"""The words for how an attempt ended, defined once for the whole platform.

`courses` owns them because progress, quizzes and the instructors' reports speak in verdicts; the runner adds
the two states an attempt has before it has a verdict (queued, running) on top of these.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    PASSED = "passed", _("Superado")
    FAILED = "failed", _("No superado")
    COMPLETED = "completed", _("Completado")
    ERROR = "error", _("Error en el código")
    TIMEOUT = "timeout", _("Tiempo agotado")
    MEMORY_LIMIT = "memory_limit", _("Memoria agotada")
    OUTPUT_LIMIT = "output_limit", _("Demasiada salida")
    SYSTEM_ERROR = "system_error", _("Error del sistema")
    CANCELLED = "cancelled", _("Cancelado")


#: Verdicts that say nothing about the student's code (the platform failed, or nobody graded it).
NOT_THE_STUDENTS = {Verdict.SYSTEM_ERROR, Verdict.CANCELLED, Verdict.COMPLETED}
