"""Personal API tokens: created with a name, shown once, looked up by hash, revoked for good.

The raw key never reaches the database: a leaked table gives nobody access. Use is recorded at most once a
minute per token, so a busy script does not turn every request into a write.
"""
import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from .models import PersonalToken

PREFIX = "pdc_"
LAST_USED_EVERY = timedelta(minutes=1)
MAX_ACTIVE_PER_USER = 20


class TooManyTokens(Exception):
    pass


def hash_key(raw):
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def create(user, name):
    """Returns (token, raw key); the raw key exists only in this return value."""
    if active_for(user).count() >= MAX_ACTIVE_PER_USER:
        raise TooManyTokens(f"Ya tienes {MAX_ACTIVE_PER_USER} claves activas: revoca alguna antes de crear otra.")
    raw = PREFIX + secrets.token_urlsafe(32)
    token = PersonalToken.objects.create(user=user, name=name, key_hash=hash_key(raw), prefix=raw[:8])
    return token, raw


def active_for(user):
    return PersonalToken.objects.filter(user=user, revoked_at__isnull=True)


def authenticate(raw):
    """The active token with this key (its user loaded), or None."""
    token = (PersonalToken.objects.select_related("user").filter(key_hash=hash_key(raw), revoked_at__isnull=True)
             .first())
    if token is None or not token.user.is_active:
        return None
    record_use(token)
    return token


def record_use(token):
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        PersonalToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def revoke(user, token_id):
    """Revokes one of the user's tokens; returns False when the user has no active token with that id."""
    return bool(active_for(user).filter(pk=token_id).update(revoked_at=timezone.now()))
