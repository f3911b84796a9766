"""Assessments of clients and their stored summaries.

A summary is what the dashboard and the client list read: for each certification the status,
the date and the requirement that holds the client back. It is computed once when an
assessment is saved and again when the catalog changes (`recompute`), never per row of a list.
"""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from eligibility.catalog import current_snapshot
from eligibility.engine import CertificationResult, evaluate
from eligibility.explain import gap, iso, short_date
from eligibility.profile import ProfileError, parse_profile
from eligibility.snapshot import Snapshot

from .bulk import bulk_set
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
    return group.name, (gap(missing) or missing.condition.text).split("\n")[0][:300]


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


def readiness_rows(client_id: int, summary: dict) -> list[Readiness]:
    return [
        Readiness(
            client_id=client_id,
            certification=code,
            status=item["status"],
            eligible_on=dt.date.fromisoformat(item["eligible_on"]) if item["eligible_on"] else None,
            blocker=item["blocker"],
            detail=item["detail"],
        )
        for code, item in summary.items()
    ]


def soonest(summary: dict, as_of: str) -> dt.date | None:
    """The earliest day any certification is reachable (the assessment date when one is
    reachable already)."""
    days = [as_of if item["status"] == "eligible" else item["eligible_on"]
            for item in summary.values()]  # fmt: skip
    days = [d for d in days if d]
    return dt.date.fromisoformat(min(days)) if days else None


def save_summaries(
    assessments: list[Assessment], *, current: bool = False, before: dict | None = None
) -> list[Client]:
    """Store what the advisor pages read from each assessment's summary: its client's
    readiness rows and soonest date; with `current`, also make it the client's current
    assessment. The one writer of those rows, for an advisor's save, the recompute and the
    demo seed. Bulk statements whatever the number of assessments; returns the clients as
    written (primary key and the fields set).

    With `before` ({client id: the summary its readiness rows were written from}), only the
    rows of the certifications whose entry changed are rewritten: after an edit to one
    certification's rules, a recompute rewrites that certification's rows, not every one.

    Call it inside a transaction with the clients locked, or on clients no one else writes."""
    now = timezone.now()
    ids = [a.client_id for a in assessments]
    if before is None:
        Readiness.objects.filter(client_id__in=ids).delete()
        rows = [row for a in assessments for row in readiness_rows(a.client_id, a.summary)]
    else:
        moved = defaultdict(list)  # certification: the clients whose entry for it changed
        rows = []
        for a in assessments:
            old = before.get(a.client_id, {})
            for code in set(old) | set(a.summary):
                if old.get(code) != a.summary.get(code):
                    moved[code].append(a.client_id)
            changed = {code: item for code, item in a.summary.items() if old.get(code) != item}
            rows += readiness_rows(a.client_id, changed)
        for code, clients in moved.items():
            Readiness.objects.filter(certification=code, client_id__in=clients).delete()
    Readiness.objects.bulk_create(rows, batch_size=1000)
    clients = [
        Client(
            pk=a.client_id,
            soonest_on=soonest(a.summary, a.profile["as_of"]),
            assessment_id=a.pk,
            updated=now,
        )
        for a in assessments
    ]
    bulk_set(clients, ["soonest_on", "assessment", "updated"] if current else ["soonest_on"])
    numbers_changed(
        Client.objects.filter(pk__in=ids).values_list("organisation_id", flat=True).distinct()
    )
    return clients


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
    (saved,) = save_summaries([assessment], current=True)
    client.assessment = assessment
    client.soonest_on, client.updated = saved.soonest_on, saved.updated
    return assessment
