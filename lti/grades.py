"""Grade passback (LTI Assignment and Grade Services): the LMS gradebook shows each student's best score.

A graded exercise launched from the LMS gets a line item (the one the LMS names in the launch, made by deep
linking, or one found or created by the exercise's UUID as `resourceId`); a student's launch remembers where
their score goes (`ScoreTarget`). Every final verdict then queues `post_score` (receivers.py), which reads the
student's result at that moment, so a retried or late post still sends the best score so far.
"""
import logging

import requests
from django.utils import timezone
from lti_tool.lti_core.constants import AgsScope
from lti_tool.models import LtiLineItem
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.lineitem import LineItem

from courses.models import ExerciseResult

from . import platforms
from .models import ScoreTarget

logger = logging.getLogger(__name__)

TAG = "pytorch-desde-cero"
COMPLETED, SUBMITTED, FULLY_GRADED = "Completed", "Submitted", "FullyGraded"  # AGS score vocabulary


def new_line_item(exercise):
    """The line item an exercise asks for (deep linking sends it; AGS creates it when the LMS has none)."""
    return (LineItem().set_label(exercise.title).set_score_maximum(exercise.points)
            .set_resource_id(str(exercise.uuid)).set_tag(TAG))


def prepare_line_item(lti_launch, exercise, learner=None):
    """Finds or creates the exercise's line item in the launch's LMS course and, for a learner, remembers it as
    where their score goes. An LMS that refuses only costs the passback, never the launch: it is logged."""
    ags = lti_launch.ags_claim or {}
    if AgsScope.PUBLISH_SCORES not in ags.get("scope", []):
        return None
    try:
        url = ags.get("lineitem") or found_or_created_line_item(lti_launch, ags, exercise)
    except (LtiException, requests.RequestException, ValueError) as exc:
        logger.warning("LTI: no line item for exercise %s: %s", exercise.pk, exc)
        return None
    line_item, _ = LtiLineItem.objects.get_or_create(url=url, defaults={
        "context": lti_launch.context, "maximum_score": exercise.points, "label": exercise.title[:255],
        "tag": TAG, "resource_id": str(exercise.uuid), "resource_link": lti_launch.resource_link})
    if learner is not None:
        ScoreTarget.objects.get_or_create(lti_user=learner, line_item=line_item, defaults={"exercise": exercise})
    return line_item


def found_or_created_line_item(lti_launch, ags, exercise):
    service = AssignmentsGradesService(platforms.connector(lti_launch.registration), ags)
    item = service.find_or_create_lineitem(new_line_item(exercise).set_resource_link_id(
        lti_launch.resource_link_claim["id"]), find_by="resource_id")
    if not item.get_id():
        raise LtiException("The platform returned a line item without an id")
    return item.get_id()


def targets_for(user_id, exercise_id):
    return list(ScoreTarget.objects.filter(lti_user__auth_user_id=user_id, exercise_id=exercise_id)
                .values_list("pk", flat=True))


def score_of(result, maximum):
    """The best score so far, on the line item's scale."""
    if result.max_score:
        return round(maximum * min(result.best_score / result.max_score, 1.0), 4)
    return maximum if result.passed else 0.0


def post_score(target_id):
    """Sends one student's best score on one exercise to their LMS line item (raises when the LMS fails, so the
    task retries)."""
    target = (ScoreTarget.objects.select_related("lti_user", "line_item__context__deployment__registration",
                                                 "exercise").filter(pk=target_id).first())
    if target is None or target.lti_user.auth_user_id is None:
        return None
    result = ExerciseResult.objects.filter(user_id=target.lti_user.auth_user_id, exercise=target.exercise).first()
    if result is None:
        return None
    context = target.line_item.context
    maximum = target.line_item.maximum_score or target.exercise.points
    grade = (Grade().set_score_given(score_of(result, maximum)).set_score_maximum(maximum)
             .set_activity_progress(COMPLETED if result.passed else SUBMITTED)
             .set_grading_progress(FULLY_GRADED).set_timestamp(result.last_attempt_at.isoformat())
             .set_user_id(target.lti_user.sub))
    service = AssignmentsGradesService(platforms.connector(context.deployment.registration), {
        "scope": [AgsScope.PUBLISH_SCORES.value], "lineitems": context.lineitems_url,
        "lineitem": target.line_item.url})
    service.put_grade(grade, LineItem({"id": target.line_item.url}))
    ScoreTarget.objects.filter(pk=target.pk).update(last_posted_at=timezone.now())
    return grade
