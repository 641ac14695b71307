"""LMS people as accounts of this platform.

An LMS user is the pair (registration, subject) — django-lti's `LtiUser` — and is linked to one account of this
platform, created on first launch. Nothing is ever matched by e-mail: two LMSs, or one LMS's careless
administrator, could hand the same address to someone else.
"""
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify
from lti_tool.lti_core.utils import normalize_role

from courses import roles

MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
TEACHING_ROLES = {
    f"{MEMBERSHIP}Instructor",
    f"{MEMBERSHIP}Administrator",
    "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
    "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
}
LEARNER = f"{MEMBERSHIP}Learner"


def teaches(role_uris):
    """LMS instructors, teaching assistants and administrators teach here; everyone else learns."""
    return any(normalize_role(str(role)) in TEACHING_ROLES for role in role_uris or [])


def learns(role_uris):
    return any(normalize_role(str(role)) == LEARNER for role in role_uris or [])


def new_username(lti_user):
    base = slugify(lti_user.name or f"{lti_user.given_name} {lti_user.family_name}".strip())[:40] or "lms"
    User = get_user_model()
    while True:
        candidate = f"{base}-{secrets.token_hex(3)}"
        if not User.objects.filter(username=candidate).exists():
            return candidate


@transaction.atomic
def account_for(lti_user):
    """The account linked to this LMS user, created (without a password: they come through the LMS) if none."""
    if lti_user.auth_user_id is not None:
        return lti_user.auth_user
    user = get_user_model()(username=new_username(lti_user), first_name=lti_user.given_name[:150],
                            last_name=lti_user.family_name[:150], email=lti_user.email)
    user.set_unusable_password()
    user.save()
    lti_user.auth_user = user
    lti_user.save(update_fields=["auth_user", "datetime_modified"])
    return user


def grant_roles(user, role_uris):
    if teaches(role_uris):
        roles.grant(user, roles.INSTRUCTOR)
