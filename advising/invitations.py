"""Invitations: a signed, expiring link bound to one client.

The link carries the invitation's id, the client's id and a random secret, signed with the
site's key. Only a hash of the secret is stored. A link works until it expires, its client
has completed the assessment with it (or with another of their links), or an advisor revokes
it; and never for another client.
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
    if invitation.revoked_at is not None:
        return None
    if invitation.used_at is not None and not allow_used:
        return None
    return invitation


def claim(invitation: Invitation) -> bool:
    """Lock the invitation for finishing; False if it was used or revoked meanwhile (another
    browser finished first). Call inside a transaction, then `mark_used` once saved.

    The client's row is locked first, as every save of a client does: two links of one client
    finished at once then take turns instead of deadlocking."""
    list(Client.objects.select_for_update().filter(pk=invitation.client_id).values("pk"))
    live = Invitation.objects.select_for_update().filter(
        pk=invitation.pk, used_at__isnull=True, revoked_at__isnull=True
    )
    return bool(list(live.values("pk")))


def mark_used(invitation: Invitation) -> None:
    """The client finished with `invitation`: it is used, and their other links stop working."""
    now = timezone.now()
    invitation.used_at = now
    invitation.save(update_fields=["used_at"])
    live = Invitation.objects.filter(
        client_id=invitation.client_id, used_at__isnull=True, revoked_at__isnull=True
    )
    live.exclude(pk=invitation.pk).update(revoked_at=now)


def revoke(client: Client, invitation_id: int) -> bool:
    """End `client`'s open link `invitation_id`; False if there is no such open link."""
    return bool(
        Invitation.objects.filter(
            pk=invitation_id, client=client, used_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
    )
