"""Assessments of clients and their stored summaries.

A summary is what the dashboard and the client list read: for each certification the status,
the date and the requirement that holds the client back. It is computed once when an
assessment is saved and again when the catalog changes (`recompute`), never per row of a list.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from eligibility import kinds
from eligibility.catalog import current_snapshot
from eligibility.engine import CertificationResult, ConditionResult, evaluate
from eligibility.explain import iso, short_date, why_not
from eligibility.profile import ProfileError, parse_profile
from eligibility.snapshot import Snapshot

from .bulk import bulk_set, insert_rows, update_rows
from .models import Assessment, Client, Readiness
from .numbers import numbers_changed


def _blocker(result: CertificationResult) -> tuple[str, str]:
    """(requirement, what is missing) for the requirement met last, or never met."""
    unmet = [g for g in result.groups if not g.met]
    if not unmet:
        return "", ""
    # The binding requirement: one never reached in the projection, else the latest reached.
    group = max(unmet, key=lambda g: (g.met_on is None, g.met_on or 0))
    option = group.best
    missing = next((c for c in option.conditions if not c.met), None)
    if missing is None:
        return group.name, ""
    # The first line of what is missing (the numbers, or the one reason): the client list has
    # room for a line; the reasons that follow are on the client's plan.
    return group.name, _first_line_of_gap(missing)[:300]


def _first_line_of_gap(missing: ConditionResult) -> str:
    """`(gap(missing) or its condition's text)`'s first line. The numbers, when the kind has
    them, are that line: the sentences about the person's entries that explain.gap adds
    after them (most of its cost) are worded only when there are no numbers."""
    numbers = kinds.get(missing.condition.kind).shortfall(missing)
    if numbers:
        return numbers.split("\n")[0]
    return ("\n".join(why_not(missing)) or missing.condition.text).split("\n")[0]


def summarise(results: list[CertificationResult]) -> dict:
    """{certification code: {"status", "eligible_on", "blocker", "detail"}} for one profile."""
    summary = {}
    for result in results:
        blocker, detail = _blocker(result) if result.status != "eligible" else ("", "")
        summary[result.certification.code] = {
            "status": result.status,
            "eligible_on": iso(result.eligible_on),
            "blocker": blocker,
            "detail": detail,
        }
    return summary


def standing(status: str | None, on: dt.date | str | None) -> str:
    """One certification's standing in a few words, the same on every advisor page:
    "eligible", "eligible on 3 Mar 2027", "not yet eligible", or "not assessed"."""
    if not status:
        return "not assessed"
    if status == "eligible":
        return "eligible"
    if on:
        day = dt.date.fromisoformat(on) if isinstance(on, str) else on
        return f"eligible on {short_date(day)}"
    return "not yet eligible"


def dated_profile(data: dict, today: dt.date) -> dict:
    """The profile as assessed: `as_of` fixed, so a recomputation after a rule change asks the
    same question of the new rules rather than moving the person forward in time."""
    return {**data, "as_of": data.get("as_of") or today.isoformat()}


READINESS_FIELDS = ["client", "certification", "status", "eligible_on", "blocker", "detail"]


def readiness_row(client_id: int, code: str, item: dict) -> tuple:
    """A Readiness row's values (READINESS_FIELDS) for one entry of a summary."""
    on = item["eligible_on"]
    day = dt.date.fromisoformat(on) if on else None
    return (client_id, code, item["status"], day, item["blocker"], item["detail"])


def readiness_rows(client_id: int, summary: dict) -> list[Readiness]:
    return [
        Readiness(**dict(zip(["client_id", *READINESS_FIELDS[1:]], row, strict=True)))
        for row in (readiness_row(client_id, code, item) for code, item in summary.items())
    ]


def soonest(summary: dict, as_of: str) -> dt.date | None:
    """The earliest day any certification is reachable (the assessment date when one is
    reachable already)."""
    days = [as_of if item["status"] == "eligible" else item["eligible_on"]
            for item in summary.values()]  # fmt: skip
    days = [d for d in days if d]
    return dt.date.fromisoformat(min(days)) if days else None


def save_summaries(
    assessments: Sequence,
    *,
    organisations: Iterable[int] | None = None,
    current: bool = False,
    before: dict | None = None,
    soonest_before: dict | None = None,
) -> list[Client]:
    """Store what the advisor pages read from each assessment's summary: its client's
    readiness rows and soonest date; with `current`, also make it the client's current
    assessment. The one writer of those rows, for an advisor's save, the recompute and the
    demo seed. Bulk statements whatever the number of assessments; with `current`, returns
    the clients as written (primary key and the fields set). An assessment is anything with
    the `pk`, `client_id`, `profile` and `summary` of an Assessment (the recompute reads only
    those).

    `organisations`: the ids of the assessments' clients' organisations, whose dashboard
    numbers change (the callers hold their clients; by default the clients each assessment
    holds, or one query when it holds none).

    With `before` ({client id: the summary its readiness rows were written from}), only the
    rows of the certifications whose entry changed are rewritten: after an edit to one
    certification's rules, a recompute rewrites that certification's rows, not every one.
    With `soonest_before` ({client id: its stored soonest date}) too, only the clients whose
    date moved are written.

    Call it inside a transaction with the clients locked, or on clients no one else writes."""
    now = timezone.now()
    ids = [a.client_id for a in assessments]
    if before is None:
        Readiness.objects.filter(client_id__in=ids).delete()
        rows = [
            readiness_row(a.client_id, code, item)
            for a in assessments
            for code, item in a.summary.items()
        ]
        insert_rows(Readiness, READINESS_FIELDS, rows)
    else:
        rows, gone = [], defaultdict(list)  # gone: certification -> clients it left
        for a in assessments:  # one walk: what changed or is new, then what left the summary
            old, new = before.get(a.client_id, {}), a.summary
            rows += [
                readiness_row(a.client_id, code, item)
                for code, item in new.items()
                if old.get(code) != item
            ]
            for code in old.keys() - new.keys():
                gone[code].append(a.client_id)
        for code, clients in gone.items():  # a certification removed from the catalog
            Readiness.objects.filter(certification=code, client_id__in=clients).delete()
        # A client has one row per certification (unique_readiness): a changed entry's row
        # is rewritten in place, a new certification's row added, in one statement a batch.
        insert_rows(Readiness, READINESS_FIELDS, rows, replace_on=("client", "certification"))
    clients = []
    if current:
        clients = [
            Client(
                pk=a.client_id,
                soonest_on=soonest(a.summary, a.profile["as_of"]),
                assessment_id=a.pk,
                updated=now,
            )
            for a in assessments
        ]
        bulk_set(clients, ["soonest_on", "assessment", "updated"])
    else:
        known = soonest_before or {}
        dates = [(a.client_id, soonest(a.summary, a.profile["as_of"])) for a in assessments]
        update_rows(
            Client,
            ["soonest_on"],
            [(pk, on) for pk, on in dates if pk not in known or known[pk] != on],
        )
    if organisations is None:
        organisations = _organisations(assessments)
    numbers_changed(organisations)
    return clients


def _organisations(assessments: Sequence) -> list[int]:
    """The organisations of the assessments' clients: those the assessments hold (the demo
    seed's), else one query."""
    held = [a.client.organisation_id for a in assessments if Assessment.client.is_cached(a)]
    if len(held) == len(assessments):
        return held
    ids = [a.client_id for a in assessments]
    return list(Client.objects.filter(pk__in=ids).values_list("organisation_id", flat=True))


@transaction.atomic
def record_assessment(
    client: Client, data: dict, snapshot: Snapshot, *, source: str, user=None
) -> Assessment:
    """Validate `data` (raises ProfileError), assess it and make it the client's current
    assessment, summaries included. Nothing is saved when the profile is refused.

    The client's row is locked first, so two saves of one client (two members, two browsers)
    and the recompute's write for that client take turns instead of interleaving."""
    today = timezone.localdate()
    data = dated_profile(data, today)
    profile = parse_profile(data, snapshot, today=today)
    locked = Client.objects.select_for_update().only("assessment").get(pk=client.pk)
    # The request's snapshot may predate a catalog change whose recompute has already read
    # this client (a worker reads the revision at most every few seconds): under the lock,
    # assess against the rules in force now, or this summary would keep the old rules.
    fresh = current_snapshot()
    if fresh.version != snapshot.version:
        snapshot, profile = fresh, parse_profile(data, fresh, today=today)
    if locked.assessment_id != client.assessment_id:  # saved meanwhile: compare with that one
        client.assessment = locked.assessment
    current = client.assessment
    if current is not None and current.catalog_version == snapshot.version:
        try:
            unchanged = parse_profile(current.profile, snapshot, today=today).data == profile.data
        except ProfileError:
            unchanged = False
        if unchanged:
            # Saved again as it was, the same day and under the same rules: the history
            # records no change, and nothing is written.
            return current
    summary = summarise(evaluate(profile, snapshot))
    assessment = Assessment.objects.create(
        client=client,
        profile=data,
        source=source,
        entered_by=user if user is not None and user.is_authenticated else None,
        catalog_version=snapshot.version,
        computed_at=timezone.now(),
        summary=summary,
    )
    (saved,) = save_summaries([assessment], organisations=[client.organisation_id], current=True)
    client.assessment = assessment
    client.soonest_on, client.updated = saved.soonest_on, saved.updated
    return assessment
