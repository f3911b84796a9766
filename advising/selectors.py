"""What the advisor pages read: a fixed number of queries whatever the number of clients.

Readiness buckets (per client and certification), as of today:
  now      eligible at assessment, or projected to be by today
  6m       projected within the next six months
  12m      projected in six to twelve months
  not_yet  not within a year (or not on any current path)
  unassessed (client level) no assessment yet
"""

import datetime as dt
from collections import defaultdict

from django.db.models import (
    Count,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from .access import visible_clients
from .models import Assessment, Client, Membership, Readiness, StatusChange
from .numbers import cached_numbers

BUCKETS = (
    ("now", "Eligible now"),
    ("6m", "Within 6 months"),
    ("12m", "In 6 to 12 months"),
    ("not_yet", "Not within a year"),
)
UNASSESSED = ("unassessed", "Not assessed yet")
# Names sort as a list of people does: by last name, then by the whole name (first name
# first), without regard to case: "Tom Townsend" before "Vicki Townsend", both after
# "Ana Moss". The last name is the name's last word (a client has one name field); a
# two-word surname ("Garcia Lopez") sorts by its last word.
BY_NAME = ("last_name_key", "name_key", "id")
SORTS = {
    "name": BY_NAME,
    "-name": ("-last_name_key", "-name_key", "-id"),
    "soonest": (F("soonest_on").asc(nulls_last=True), *BY_NAME),
    "updated": ("-updated", "id"),
}


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def bucket_q(bucket: str, today: dt.date) -> Q:
    """Readiness rows in `bucket` on `today`."""
    six, twelve = add_months(today, 6), add_months(today, 12)
    now = Q(status="eligible") | Q(eligible_on__lte=today)
    if bucket == "now":
        return now
    if bucket == "6m":
        return Q(eligible_on__gt=today, eligible_on__lte=six) & ~Q(status="eligible")
    if bucket == "12m":
        return Q(eligible_on__gt=six, eligible_on__lte=twelve) & ~Q(status="eligible")
    return ~now & (Q(eligible_on__isnull=True) | Q(eligible_on__gt=twelve))


def bucket_of(row: Readiness, today: dt.date) -> str:
    if row.reached_by(today):
        return "now"
    if row.eligible_on is None or row.eligible_on > add_months(today, 12):
        return "not_yet"
    return "6m" if row.eligible_on <= add_months(today, 6) else "12m"


def dashboard(membership: Membership, snapshot, today: dt.date) -> dict:
    """Counts per certification and bucket, the commonest blockers, freshness, recent flips."""
    clients = visible_clients(membership)
    return cached_numbers(
        membership, snapshot.version, today, lambda: _numbers(clients, snapshot, today)
    )


def _numbers(clients: QuerySet[Client], snapshot, today: dt.date) -> dict:
    rows = Readiness.objects.filter(client__in=clients)
    counts = {
        row["certification"]: row
        for row in rows.values("certification").annotate(
            total=Count("id"), **{b: Count("id", filter=bucket_q(b, today)) for b, _ in BUCKETS}
        )
    }
    blockers = defaultdict(list)
    for row in (
        rows.filter(~bucket_q("now", today), ~Q(blocker=""))
        .values("certification", "blocker")
        .annotate(n=Count("id"))
        .order_by("certification", "-n", "blocker")
    ):
        blockers[row["certification"]].append((row["blocker"], row["n"]))
    totals = clients.aggregate(
        clients=Count("id"),
        unassessed=Count("id", filter=Q(assessment__isnull=True)),
        computed=Min("assessment__computed_at"),
        stale=Count("id", filter=Q(assessment__isnull=False) & ~Q(
            assessment__catalog_version=snapshot.version)),
    )  # fmt: skip
    certifications = []
    for cert in snapshot.certifications:
        code = cert.code
        found = counts.get(code, {})
        buckets = [{"code": b, "label": label, "count": found.get(b, 0)} for b, label in BUCKETS]
        top = blockers.get(code, [])
        certifications.append({
            "code": code, "name": cert.name, "buckets": buckets,
            "assessed": found.get("total", 0),
            "within_6m": buckets[0]["count"] + buckets[1]["count"],
            "blocker": top[0] if top else None,
            "blockers": top[:3],
        })  # fmt: skip
    # The latest changes of standing: written only by a recompute, in the transaction that
    # sets Organisation.numbers_changed, so they are kept with the numbers (sorting a large
    # pass's changes by name was most of a visit's time).
    flips = (
        StatusChange.objects.filter(client__in=clients)
        .select_related("client", "recomputation")
        .order_by("-recomputation__started", "client__name")[:20]
    )
    return {"certifications": certifications, "totals": totals, "flips": list(flips)}


def name_matches(query: str) -> Q:
    """Clients whose name holds every word of `query`, in any order and any case ("Townsend
    Vicki" finds Vicki Townsend), or whose external id is `query`. One condition of the list's
    one query; icontains is case-insensitive on SQLite and PostgreSQL alike."""
    words = query.replace(",", " ").split()
    by_name = Q()
    for word in words:
        by_name &= Q(name__icontains=word)
    return (by_name if words else Q(pk__in=[])) | Q(external_id__iexact=query.strip())


def filtered_clients(membership: Membership, filters: dict, today: dt.date) -> QuerySet[Client]:
    """The clients the list shows for `filters` (cleaned ClientFilterForm data), sorted."""
    clients = visible_clients(membership)
    if filters.get("q"):
        clients = clients.filter(name_matches(filters["q"]))
    if filters.get("advisor"):
        clients = clients.filter(advisor=filters["advisor"])
    cert = filters.get("certification")
    statuses = filters.get("status") or []
    if statuses:
        wanted = Q(assessment__isnull=True) if UNASSESSED[0] in statuses else Q(pk__in=[])
        buckets = [s for s in statuses if s != UNASSESSED[0]]
        if buckets:
            match = Q()
            for bucket in buckets:
                match |= bucket_q(bucket, today)
            rows = Readiness.objects.filter(match, client=OuterRef("pk"))
            if cert:
                rows = rows.filter(certification=cert)
            wanted |= Exists(rows)
        clients = clients.filter(wanted)
    sort = filters.get("sort") or "name"
    if cert and sort == "soonest":
        # Soonest for the chosen certification: eligible now first, then by date.
        mine = Readiness.objects.filter(client=OuterRef("pk"), certification=cert)
        clients = clients.annotate(
            cert_on=Subquery(mine.values("eligible_on")[:1]),
            cert_now=Exists(mine.filter(status="eligible")),
        ).order_by("-cert_now", F("cert_on").asc(nulls_last=True), *BY_NAME)
    else:
        clients = clients.order_by(*SORTS.get(sort, SORTS["name"]))
    return clients.select_related("advisor__user")


def current_profiles() -> list[dict]:
    """Every client's current assessment's profile (the catalog preview replays them)."""
    return list(
        Assessment.objects.filter(pk__in=Client.objects.values("assessment_id")).values_list(
            "profile", flat=True
        )
    )
