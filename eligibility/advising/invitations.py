"""Invitations: a signed, expiring link bound to one client.

The link carries the invitation's id, the client's id and a random secret, signed with the
site's key. Only a hash of the secret is stored. A link works until it expires or its client
has completed the assessment with it, and never for another client.
"""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import Client, Invitation

SALT = "careerpath.invitation"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def invite(client: Client, *, user) -> tuple[Invitation, str]:
    """A new invitation for `client`; returns it and its token (shown once)."""
    secret = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        client=client,
        created_by=user,
        expires=timezone.now() + dt.timedelta(days=settings.INVITATION_DAYS),
        secret_hash=_hash(secret),
    )
    token = signing.dumps({"i": invitation.pk, "c": client.pk, "s": secret}, salt=SALT)
    return invitation, token


def find_invitation(token: str, *, allow_used: bool = False) -> Invitation | None:
    """The live invitation `token` names, or None if it is forged, expired, used or revoked."""
    if not token or len(token) > 300:
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.INVITATION_DAYS * 86400)
        pk, client_id, secret = int(data["i"]), int(data["c"]), str(data["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    invitation = (
        Invitation.objects.select_related("client__organisation", "client__assessment")
        .filter(pk=pk, client_id=client_id, secret_hash=_hash(secret))
        .first()
    )
    if invitation is None or invitation.expires <= timezone.now():
        return None
    if invitation.used_at is not None and not allow_used:
        return None
    return invitation


def mark_used(invitation: Invitation) -> None:
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
