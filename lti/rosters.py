"""Roster sync (LTI Names and Role Provisioning Services): an instructor brings the LMS course's people into the
class. Learners get an account (linked by registration and subject, as on launch) and a place in the class;
instructors are counted, not enrolled; people no longer active in the LMS are left as they are."""
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from lti_tool.models import LtiUser
from pylti1p3.names_roles import NamesRolesProvisioningService

from courses.models import Membership

from . import accounts, platforms
from .models import LinkedClass

logger = logging.getLogger(__name__)

ACTIVE = "Active"


@dataclass
class RosterSync:
    enrolled: int = 0
    already_enrolled: int = 0
    instructors: int = 0
    inactive: int = 0


def members_of(context):
    """The LMS course's members, as the LMS lists them (every page); raises LtiException when the LMS fails."""
    service = NamesRolesProvisioningService(platforms.connector(context.deployment.registration),
                                            {"context_memberships_url": context.memberships_url})
    members = [member for member in service.get_members() if isinstance(member, dict) and member.get("user_id")]
    return [{**member, "roles": list(member.get("roles") or []), "status": member.get("status") or ACTIVE}
            for member in members]


def sync(linked_class):
    members = members_of(linked_class.context)
    outcome = RosterSync()
    with transaction.atomic():
        linked_class.context.update_memberships(members)
        registration = linked_class.context.deployment.registration
        for member in members:
            if accounts.teaches(member["roles"]):
                outcome.instructors += 1
                continue
            if member["status"] != ACTIVE:
                outcome.inactive += 1
                continue
            if not accounts.learns(member["roles"]):
                continue
            lti_user = LtiUser.objects.get(registration=registration, sub=member["user_id"])
            user = accounts.account_for(lti_user)
            _, created = Membership.objects.get_or_create(classroom=linked_class.classroom, student=user)
            if created:
                outcome.enrolled += 1
            else:
                outcome.already_enrolled += 1
        LinkedClass.objects.filter(pk=linked_class.pk).update(roster_synced_at=timezone.now())
    return outcome


def linked_class_of(classroom):
    return LinkedClass.objects.select_related("context__deployment__registration", "classroom").filter(
        classroom=classroom).first()
