"""The advisor pages' bodies, cached per organisation revision.

The dashboard and the client list summarise thousands of stored rows; they only change when
something of the organisation changes. Each body is rendered once per (page, organisation
revision, catalog version, day, who is looking, the list's filters) and then served from a
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
CACHED_PAGES = 3  # of the client list, per filter; later pages are rendered each time


def cache_query(form, page: str | None) -> str | None:
    """The client list's filters as one canonical string for the cache key, or None when the
    page is not to be cached.

    Only the filter form's own fields count, in a fixed order with repeated values sorted, so
    "?sort=name&x=1" and "?sort=name" share one entry: junk in the address cannot grow the
    cache (4,200 junk query strings grew each worker's by about 110 MB). A search, invalid
    filters, several statuses at once or a page beyond the first few are rendered each time
    instead: there are too many of them to keep, and each is asked for rarely. What is kept is
    what the dashboard's links and the list's first pages ask for.
    """
    if not form.is_bound:  # no query string at all: the same page as empty filters
        return "&".join([*(f"{name}=" for name in form.fields), "page=1"])
    if not form.is_valid() or form.cleaned_data.get("q") or len(form.cleaned_data["status"]) > 1:
        return None
    page = (page or "1").strip()
    if not (page.isdecimal() and 1 <= int(page) <= CACHED_PAGES):
        return None
    parts = []
    for name in form.fields:
        value = form.cleaned_data.get(name)
        if isinstance(value, list):
            value = ",".join(sorted(value))
        elif hasattr(value, "pk"):
            value = value.pk
        parts.append(f"{name}={value or ''}")
    return "&".join([*parts, f"page={int(page)}"])


def cached_body(request, page: str, parts: tuple, render: Callable, query: str | None = ""):
    """The body of `page` for this member, rendered by `render()` unless already cached.

    `parts` are whatever else the body depends on (catalog version, day); `query` is the
    page's canonical filters (`cache_query`; "" for a page without any, None for one not to
    cache). The organisation's revision and the member's scope are always part of the key.
    """
    if query is None:
        return render()
    membership = request.membership
    scope = "all" if membership.is_admin else f"m{membership.pk}"
    digest = hashlib.sha256(query.encode()).hexdigest()[:24]
    key = ":".join(
        str(p)
        for p in (page, membership.organisation_id, membership.organisation.revision, scope,
                  *parts, digest)
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
