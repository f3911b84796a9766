"""The dashboard's numbers, kept for a minute.

Counting an organisation's readiness rows by certification, bucket and blocker reads every row:
tens of milliseconds at 5,000 clients (bench/advising.py), on every visit to the dashboard. The
numbers (not the page) are kept in each web process's memory (the "dashboard" cache) for a
minute, keyed by who looks (the organisation's admins see every client, an advisor their
own), the catalog version, the day and `Organisation.numbers_changed`.

Every service that changes what the dashboard counts or lists (an assessment's summaries saved,
which is also where a recompute records changes of standing; a client added, renamed, removed
or given to another advisor) calls `numbers_changed` inside its transaction.
The organisation row comes with the member on every request, so each process sees the new
time the moment the write commits: an advisor who has just saved a client sees the new counts,
whichever process answers, and no process keeps numbers from before the write.
"""

import datetime as dt
from collections.abc import Callable, Iterable

from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from .models import Membership, Organisation

SECONDS = 60


def cached_numbers(
    membership: Membership, version: str, today: dt.date, compute: Callable[[], dict]
) -> dict:
    """`compute()`, or what it returned within the last minute for the same viewers, catalog
    version and day when no write has changed the organisation's numbers since."""
    organisation = membership.organisation
    changed = organisation.numbers_changed.isoformat() if organisation.numbers_changed else "-"
    scope = "all" if membership.is_admin else f"advisor-{membership.pk}"
    # The creation time tells an organisation from an earlier one that had its key.
    key = (
        f"{organisation.pk}:{organisation.created.isoformat()}:{scope}:{version}:{today}:{changed}"
    )
    cache = caches["dashboard"]
    numbers = cache.get(key)
    if numbers is None:
        numbers = compute()
        cache.set(key, numbers, SECONDS)
    return numbers


def numbers_changed(organisation_ids: Iterable[int]) -> None:
    """The organisations' dashboard numbers change with the current transaction (one
    statement)."""
    ids = sorted(set(organisation_ids))
    if not ids:
        return
    now = timezone.now()
    if connection.vendor != "postgresql":  # SQLite: one writer at a time, no row locks
        Organisation.objects.filter(pk__in=ids).update(numbers_changed=now)
        return
    # The rows locked in one order (by key) before they are written, so two writers of
    # several organisations at once (two recompute chunks) queue instead of deadlocking:
    # PostgreSQL sorts before it locks, and the UPDATE writes the rows the CTE has locked.
    # NO KEY UPDATE, the lock the UPDATE itself takes: a client or member added meanwhile
    # (whose foreign key check takes a key-share lock on the organisation at its commit)
    # need not wait for this transaction, as it would behind FOR UPDATE.
    meta, quote = Organisation._meta, connection.ops.quote_name
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    changed = quote(meta.get_field("numbers_changed").column)
    with connection.cursor() as cursor:
        # The model's names go into the template, the values as parameters.
        sql = (
            "WITH locked AS (SELECT {pk} FROM {table} WHERE {pk} = ANY(%s) ORDER BY {pk} "
            "FOR NO KEY UPDATE) UPDATE {table} SET {changed} = %s FROM locked "
            "WHERE {table}.{pk} = locked.{pk}"
        )
        cursor.execute(sql.format(pk=pk, table=table, changed=changed), [ids, now])
