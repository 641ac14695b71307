"""The tool's signing keys (django-lti's `Key` rows): the newest active key signs; every active key is published
in the JWKS, so after a rotation the platforms still verify what the previous key signed during a grace period."""
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from lti_tool.models import Key


def current_key():
    """The key that signs now; the first one is created on first use."""
    key = Key.objects.active().order_by("-datetime_created", "-pk").first()
    return key or Key.objects.generate()


def published_jwks():
    current_key()
    return Key.objects.as_jwks()


@transaction.atomic
def rotate(grace=timedelta(days=7), now=None):
    """Creates a new signing key; keys replaced more than `grace` ago leave the JWKS (they are kept, inactive).

    A key is replaced when a newer key is created, so the key signing until now stays published for the whole
    grace period after this rotation. Returns (new key, number of keys retired).
    """
    now = now or timezone.now()
    active = list(Key.objects.active().select_for_update().order_by("datetime_created", "pk"))
    new = Key.objects.generate()
    successors = [*active[1:], new]
    retired = [key.pk for key, successor in zip(active, successors, strict=True)
               if successor.datetime_created < now - grace]
    Key.objects.filter(pk__in=retired).update(is_active=False)
    return new, len(retired)
