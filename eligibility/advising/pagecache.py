"""The advisor pages' bodies, cached per organisation revision.

The dashboard and the client list summarise thousands of stored rows; they only change when
something of the organisation changes. Each body is rendered once per (page, organisation
revision, catalog version, day, who is looking, query string) and then served from a
per-process cache. Nothing is ever invalidated by hand: every write that can change what these
pages show moves `Organisation.revision` (the receivers below, and the bulk writes of
`recompute` and `seed_demo`), so a stale key is simply never asked for again. The key holds no
client data, and the bodies hold no CSRF token (both pages are plain GETs).
"""

import hashlib
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

from .models import Client, Membership, Organisation

CACHE = "pages"
TIMEOUT = 60 * 60  # seconds; a revision usually changes long before


def cached_body(request, page: str, parts: tuple, render: Callable[[], str]) -> str:
    """The body of `page` for this member, rendered by `render()` unless already cached.

    `parts` are whatever else the body depends on (catalog version, day); the organisation's
    revision, the member's scope and the query string are always part of the key.
    """
    membership = request.membership
    scope = "all" if membership.is_admin else f"m{membership.pk}"
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:24]
    key = ":".join(
        str(p)
        for p in (page, membership.organisation_id, membership.organisation.revision, scope,
                  *parts, query)
    )  # fmt: skip
    cache = caches[CACHE]
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, TIMEOUT)
    return body


def _touch_org(sender, instance, **kwargs) -> None:
    """A client or a member saved or deleted: their organisation's pages are out of date."""
    Organisation.touch(instance.organisation_id)


def _touch_user_org(sender, instance, update_fields=None, **kwargs) -> None:
    # A login only stamps last_login: nothing an advisor page shows.
    if update_fields and set(update_fields) <= {"last_login"}:
        return
    org = Membership.objects.filter(user=instance).values_list("organisation_id", flat=True)
    Organisation.touch(*org)


def connect() -> None:
    """Move the organisation's revision on every single-row write the pages show."""
    for signal in (post_save, post_delete):
        signal.connect(_touch_org, sender=Client, dispatch_uid=f"pages-client-{signal}")
        signal.connect(_touch_org, sender=Membership, dispatch_uid=f"pages-member-{signal}")
    post_save.connect(_touch_user_org, sender=get_user_model(), dispatch_uid="pages-user")
