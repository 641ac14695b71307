"""What this tool adds to django-lti's rows (registrations, deployments, users, contexts, line items)."""
from django.db import models
from lti_tool.models import LtiContext, LtiLineItem, LtiUser

from courses.models import Classroom, Exercise


class LinkedClass(models.Model):
    """An LMS course (an LTI context) taught here as one class; created by the first instructor who launches."""

    context = models.OneToOneField(LtiContext, on_delete=models.CASCADE, related_name="linked_class")
    classroom = models.OneToOneField(Classroom, on_delete=models.CASCADE, related_name="lti_link")
    roster_synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "grupo enlazado a un LMS"
        verbose_name_plural = "grupos enlazados a un LMS"

    def __str__(self):
        return f"{self.classroom} ↔ {self.context}"


class ScoreTarget(models.Model):
    """Where one LMS student's score on one exercise goes: a line item (gradebook column) of their LMS course.

    Created when the student launches a graded exercise from the LMS; each final verdict on that exercise then
    posts the best score so far there.
    """

    lti_user = models.ForeignKey(LtiUser, on_delete=models.CASCADE, related_name="score_targets")
    line_item = models.ForeignKey(LtiLineItem, on_delete=models.CASCADE, related_name="score_targets")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="lti_score_targets")
    last_posted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lti_user", "line_item"], name="one_target_per_line_item")]
        verbose_name = "destino de nota en un LMS"
        verbose_name_plural = "destinos de notas en un LMS"

    def __str__(self):
        return f"{self.lti_user} → {self.line_item}"
