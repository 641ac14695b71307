"""An LTI 1.3 launch, from the LMS's login initiation to a signed-in student or instructor on the right page.

The OIDC dance and the id_token checks (signature against the platform's key set, issuer, audience = our client
id, expiry, state, deployment, message shape) are pylti1p3's, through django-lti's rows. Two checks are added
here: a nonce is accepted once (pylti1p3 only checks that the tool issued it), and an unknown or inactive
deployment is refused (django-lti would create it). Nothing is written until the token has passed every check.

A valid launch links the LMS user to an account (accounts.py), maps the LMS course (context) to a class — created
by the first instructor's launch — and points at the lesson or exercise named in the resource link's custom
parameters (`lesson` or `exercise`: a UUID, set by deep linking).
"""
import logging
import uuid
from dataclasses import dataclass

import requests
from django.core.cache import cache
from django.db import transaction
from lti_tool.models import LtiContext
from lti_tool.models import LtiLaunch as DjangoLtiLaunch
from lti_tool.utils import sync_data_from_launch
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.exception import LtiException, OIDCException

from courses.models import Classroom, Course, Exercise, Lesson, Membership

from . import accounts, grades
from .models import LinkedClass
from .platforms import PatientSession, RegisteredPlatforms

logger = logging.getLogger(__name__)

NONCE_MEMORY_SECONDS = 2 * 24 * 3600  # longer than pylti1p3 keeps the nonces it issues (one day)
BAD_INPUT = (LtiException, OIDCException, ValueError, TypeError, KeyError, AttributeError)


class LaunchRefused(Exception):
    """A login or launch this tool will not accept; `message` is what the person sees (Spanish)."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


REASONS = [  # pylti1p3's words → what the person in front of the LMS can act on
    ("expired", "El acceso desde tu LMS ha caducado. Vuelve a abrir la actividad desde el LMS."),
    ("Signature verification failed", "La firma del acceso no es válida: no viene de la plataforma registrada."),
    ("Unable to find public key", "La firma del acceso no es válida: la plataforma la firmó con una clave que no "
                                  "publica."),
    ("Registration not found", "Esta plataforma o este identificador de cliente no están registrados en el curso."),
    ("Client id not registered", "Esta plataforma o este identificador de cliente no están registrados en el curso."),
    ("Could not find registration", "Esta plataforma o este identificador de cliente no están registrados en el "
                                    "curso."),
    ("Unable to find deployment", "Este despliegue de la herramienta no está registrado o no está activo."),
    ("Nonce", "Este acceso ya se usó una vez. Vuelve a abrir la actividad desde el LMS."),
    ("State not found", "No encontramos el inicio de sesión de este acceso (¿bloquea tu navegador las cookies?). "
                        "Vuelve a abrir la actividad desde el LMS."),
    ("Missing state", "Falta el estado del inicio de sesión. Vuelve a abrir la actividad desde el LMS."),
    ("Error during fetch URL", "No pudimos obtener las claves públicas de la plataforma. Inténtalo más tarde."),
]
GENERIC = "No pudimos validar el acceso desde tu LMS. Vuelve a abrir la actividad desde el LMS."


def refusal(exc):
    text = str(exc)
    for needle, message in REASONS:
        if needle.lower() in text.lower():
            return LaunchRefused(message)
    return LaunchRefused(GENERIC)


class OnceOnlyLaunch(DjangoMessageLaunch):
    """pylti1p3's launch, with `exp` and `iat` required and the nonce spent once every other check has passed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_jwt_verify_options({"verify_aud": False, "require": ["exp", "iat"]})

    def validate_message(self):
        super().validate_message()
        nonce = self._get_jwt_body().get("nonce")
        if not cache.add(f"lti:nonce-spent:{nonce}", True, NONCE_MEMORY_SECONDS):
            raise LtiException("Nonce already used")
        return self


def login_redirect(request, registration_uuid, launch_url):
    """Answers the LMS's login initiation with the redirect to its OIDC endpoint (state cookie, nonce)."""
    params = request.POST if request.method == "POST" else request.GET
    if not params.get("target_link_uri"):
        raise LaunchRefused("Falta el parámetro target_link_uri en el inicio de sesión del LMS.")
    login = DjangoOIDCLogin(request, RegisteredPlatforms(registration_uuid),
                            launch_data_storage=DjangoCacheDataStorage())
    try:
        return login.redirect(launch_url)
    except BAD_INPUT as exc:
        raise refusal(exc) from None


def validated(request):
    """The launch posted by the LMS, every check passed, or LaunchRefused."""
    message = OnceOnlyLaunch(request, RegisteredPlatforms(), launch_data_storage=DjangoCacheDataStorage(),
                             requests_session=PatientSession())
    try:
        message.validate()
    except BAD_INPUT as exc:
        logger.info("LTI launch refused: %s", exc)
        raise refusal(exc) from None
    except requests.RequestException as exc:
        logger.warning("LTI launch: the platform's key set could not be read: %s", exc)
        raise refusal(LtiException("Error during fetch URL")) from None
    return DjangoLtiLaunch(message)


def restored(request, launch_id):
    """A launch validated earlier in this session (deep linking continues on our own pages), or None."""
    if not launch_id:
        return None
    try:
        message = OnceOnlyLaunch.from_cache(launch_id, request, RegisteredPlatforms(),
                                            launch_data_storage=DjangoCacheDataStorage(),
                                            requests_session=PatientSession())
    except LtiException:
        return None
    return DjangoLtiLaunch(message)


@dataclass
class Arrival:
    user: object
    teaching: bool
    deep_linking: bool = False
    target: object = None  # a Lesson, an Exercise or None
    classroom: Classroom | None = None


def target_of(lti_launch):
    """The published lesson or exercise this resource link opens, from its custom parameters."""
    for name, model in (("exercise", Exercise), ("lesson", Lesson)):
        value = lti_launch.get_custom_claim(name)
        try:
            key = uuid.UUID(str(value))
        except ValueError:
            continue
        rows = model.objects.filter(uuid=key)
        rows = (rows.filter(published=True, lesson__course__published=True) if model is Exercise
                else rows.filter(course__published=True))
        found = rows.select_related("lesson__course" if model is Exercise else "course").first()
        if found is not None:
            return found
    return None


def course_of(target):
    if isinstance(target, Exercise):
        return target.lesson.course
    if isinstance(target, Lesson):
        return target.course
    return Course.objects.filter(published=True).first()


def class_for(lti_launch, user, teaching, course):
    """The class of this LMS course; the first instructor's launch creates it, for the course they open."""
    if not (lti_launch.context_claim or {}).get("id"):
        return None
    context = LtiContext.objects.select_for_update().get(pk=lti_launch.context.pk)
    link = LinkedClass.objects.select_related("classroom").filter(context=context).first()
    if link is not None:
        return link.classroom
    if not teaching or course is None:
        return None
    name = (context.title or context.label or "Grupo del LMS")[:200]
    classroom = Classroom.objects.create(course=course, instructor=user, name=name)
    LinkedClass.objects.create(context=context, classroom=classroom)
    return classroom


def arrive(lti_launch):
    """Links the account, class and membership a validated launch describes; returns who arrived, and where."""
    with transaction.atomic():
        sync_data_from_launch(lti_launch)
        role_uris = lti_launch.roles_claim or []
        user = accounts.account_for(lti_launch.user)
        accounts.grant_roles(user, role_uris)
        teaching = accounts.teaches(role_uris)
        if lti_launch.is_deep_link_launch:
            return Arrival(user, teaching, deep_linking=True)
        target = target_of(lti_launch)
        classroom = class_for(lti_launch, user, teaching, course_of(target))
        if classroom is not None and not teaching:
            Membership.objects.get_or_create(classroom=classroom, student=user)
    if isinstance(target, Exercise):
        grades.prepare_line_item(lti_launch, target, lti_launch.user if not teaching else None)
    return Arrival(user, teaching, target=target, classroom=classroom)


def destination(arrival):
    """Where the person lands: the exercise or lesson the link names; else the instructor's class, else the course."""
    target = arrival.target
    if isinstance(target, Exercise):
        return f"{target.lesson.get_absolute_url()}#ejercicio-{target.slug}"
    if isinstance(target, Lesson):
        return target.get_absolute_url()
    if arrival.classroom is not None:
        return arrival.classroom.get_absolute_url() if arrival.teaching else arrival.classroom.course.get_absolute_url()
    course = course_of(None)
    return course.get_absolute_url() if course is not None else "/"
