"""The LMSs registered with this tool (django-lti's `LtiRegistration` and `LtiDeployment` rows) as pylti1p3 sees
them, and the one way this tool talks to them over HTTP.

django-lti's own tool configuration creates a deployment row for any deployment id a valid token names; here an
unknown or inactive deployment is refused instead, so that only what an admin registered can launch.
"""
from urllib.parse import urlsplit

import requests
from django.conf import settings
from lti_tool.models import LtiDeployment, LtiRegistration
from lti_tool.utils import DjangoToolConfig
from pylti1p3.deployment import Deployment
from pylti1p3.service_connector import REQUESTS_USER_AGENT, ServiceConnector

from . import keys


class RegisteredPlatforms(DjangoToolConfig):
    """Registrations and deployments exactly as an admin entered them: nothing is created while validating."""

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        keys.current_key()  # a registration signs with the tool's newest key, created on first use
        return super().find_registration_by_params(iss, client_id, *args, **kwargs)

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        lookups = {"registration__issuer": iss, "registration__client_id": client_id,
                   "registration__is_active": True, "deployment_id": deployment_id, "is_active": True}
        if self.registration_uuid is not None:
            lookups["registration__uuid"] = self.registration_uuid
        self.deployment = LtiDeployment.objects.filter(**lookups).first()
        return Deployment().set_deployment_id(deployment_id) if self.deployment else None


class PatientSession(requests.Session):
    """A requests session that never waits on an LMS longer than LTI_HTTP_TIMEOUT."""

    def __init__(self):
        super().__init__()
        self.headers["User-Agent"] = REQUESTS_USER_AGENT

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", settings.LTI_HTTP_TIMEOUT)
        return super().request(*args, **kwargs)


def connector(registration):
    """Signed service calls (AGS, NRPS) for one registration: an access token, then the request."""
    keys.current_key()
    return ServiceConnector(registration.to_registration(), requests_session=PatientSession())


def origin(url):
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def frame_origins():
    """Who may show this platform's pages in a frame: the active registrations' issuers and login pages, plus the
    origins named in LTI_FRAME_ORIGINS."""
    urls = LtiRegistration.objects.active().values_list("issuer", "auth_url")
    found = {origin(url) for pair in urls for url in pair} | {origin(url) for url in settings.LTI_FRAME_ORIGINS}
    return sorted(found - {None})
