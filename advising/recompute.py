"""Bring every client's stored summary up to the current catalog.

A catalog change is saved by a service that then calls `enqueue_recompute`: once its
transaction commits, a pass (`Recomputation`) is sent to the job queue (Celery on RabbitMQ,
see advising/tasks.py and README "The job queue"). The pass splits the assessed clients into
chunks; each chunk is its own task, run by any worker, in any order, possibly twice:

- a chunk reads its clients' current assessments in one query, recomputes them, and writes
  in bulk only the rows whose client still points at the assessment it read (a client saved
  meanwhile has a newer assessment, computed by that save);
- under the clients' locks it checks that nothing moved since its read (the rules, or a
  row rewritten by another pass); what moved is recomputed there, so the last write always
  follows the rules in force;
- the pass counts each chunk once (its index is recorded with the chunk's writes); the last
  chunk to finish sets `finished`.

Each pass records which clients' standing moved, and the catalog edits since the previous
pass that explain it.
"""

import datetime as dt
import logging
from collections import defaultdict

import orjson
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Min, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from eligibility.catalog import current_snapshot, get_snapshot
from eligibility.engine import evaluate
from eligibility.models import Certification
from eligibility.profile import ProfileError, parse_profile
from eligibility.snapshot import Snapshot

from .bulk import insert_rows, update_rows
from .models import (
    Assessment,
    Client,
    Recomputation,
    StatusChange,
)
from .summaries import save_summaries, summarise

log = logging.getLogger(__name__)


def rule_changes(since: dt.datetime | None) -> list[dict]:
    """The catalog edits after `since`, each in plain words naming the certification and the
    rule ("CCM: the hours of work needed for “12 months under a CCM-certified supervisor”
    changed from 2,080 to 1,500 (erin, 1 Dec 2026)"):
    [{"certification": code or None, "text": ..., "at": ...}]."""
    from eligibility.rule_history import rule_changes_since, sentence

    cert_codes = dict(Certification.history.values_list("id", "code").distinct())
    changes = []
    for change in rule_changes_since(since):
        if change.parent_added:  # said by its parent's line ("the route … was removed")
            continue
        for text in sentence(change, cert_codes):
            changes.append({
                "certification": cert_codes.get(change.certification_id),
                "text": text,
                "at": change.at.isoformat(),
            })  # fmt: skip
    return changes


def _cause(texts: list[str]) -> str:
    if not texts:
        return "A catalog change."
    more = f"; and {len(texts) - 5} more" if len(texts) > 5 else ""
    return "; ".join(texts[:5]) + more


def _day(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


# --- starting a pass: explicit calls from the services that change the catalog -------------

# The triggers of the passes an editor starts in the admin: those evaluate only the
# certifications whose rules moved (Recomputation.moved_rules_only).
EDITS = ("catalog edit", "catalog import", "catalog revert")


# --- a pass and its chunks --------------------------------------------------------------


def plan_pass(*, trigger: str, task_id: str = "") -> tuple[Recomputation, list[list[int] | None]]:
    """A new pass over every assessed client, and its chunks (lists of client ids, in order).
    A pass with nothing to recompute is finished at once. With the `task_id` of a pass
    planned already (its task was delivered again), that pass and the chunks it still needs."""
    ids = list(
        Client.objects.filter(assessment__isnull=False).order_by("pk").values_list("pk", flat=True)
    )
    size = max(1, settings.CAREERPATH_RECOMPUTE_CHUNK)
    chunks = [ids[i : i + size] for i in range(0, len(ids), size)]
    if task_id:
        with transaction.atomic():
            run = Recomputation.objects.select_for_update().filter(task_id=task_id).first()
            if run is not None:
                # Its chunks as they would be cut now (done ones are not sent again); a chunk
                # sent before the restart may run too, which chunks are made to allow.
                # Fewer clients than then: the missing chunks are sent empty, so that each
                # index the pass waits for still arrives; None marks a chunk done already.
                chunks += [[] for _ in range(run.chunks - len(chunks))]
                run.chunks = len(chunks)
                run.save(update_fields=["chunks"])
                left = [None if i in run.chunks_done else c for i, c in enumerate(chunks)]
                return run, left
    snapshot = current_snapshot()
    previous = Recomputation.objects.filter(finished__isnull=False).first()
    if previous:  # the edits since the summaries were last brought up to date
        since = previous.started
    else:
        current = Assessment.objects.filter(pk__in=Client.objects.values("assessment_id"))
        since = current.aggregate(t=Min("computed_at"))["t"]
    now = timezone.now()
    run = Recomputation.objects.create(
        started=now, catalog_version=snapshot.version, trigger=trigger, task_id=task_id,
        rule_changes=rule_changes(since), chunks=len(chunks), finished=None if chunks else now,
        rule_versions=snapshot.rule_versions, moved_rules_only=trigger in EDITS,
    )  # fmt: skip
    return run, chunks


def recompute(*, trigger: str) -> Recomputation:
    """A whole pass in this process, chunk after chunk; returns the finished pass. For
    `manage.py recompute_summaries` without a queue, the benchmark and the tests."""
    run, chunks = plan_pass(trigger=trigger)
    for index, client_ids in enumerate(chunks):
        run_chunk(run.pk, index, client_ids)
    run.refresh_from_db()
    return run


# The rule versions a pass recorded for a catalog version, by catalog version. A catalog
# version is a hash of the catalog and its rule versions a function of the catalog, so what
# was found once holds for the life of the process (a chunk reads only the versions missing).
_known_rule_versions: dict[str, dict] = {}


def _rule_versions(catalog_versions: set[str]) -> dict[str, dict]:
    """The rule versions of each of these catalog versions that a pass recorded: at most one
    query, none when this process has read them all already."""
    missing = catalog_versions - _known_rule_versions.keys()
    if missing:
        if len(_known_rule_versions) > 100:  # a long-lived worker: keep the lookup small
            _known_rule_versions.clear()
        _known_rule_versions.update(
            Recomputation.objects.filter(catalog_version__in=missing)
            .exclude(rule_versions={})
            .values_list("catalog_version", "rule_versions")
        )
    return {v: _known_rule_versions[v] for v in catalog_versions if v in _known_rule_versions}


class _Stored:
    """The fields of a client's current assessment that a chunk reads (no model instance:
    a thousand of them cost more than the rest of the read)."""

    __slots__ = ("pk", "client_id", "profile", "summary", "computed_at", "catalog_version")

    def __init__(self, pk, client_id, profile, summary, computed_at, catalog_version) -> None:
        self.pk, self.client_id, self.profile, self.summary = pk, client_id, profile, summary
        self.computed_at, self.catalog_version = computed_at, catalog_version


class _Rules:
    """What a chunk asks of the catalog once rather than once a client: the certifications
    in catalog order, those whose rules moved since each catalog version the chunk's
    assessments were computed against, and the cause to record for each certification."""

    def __init__(self, snapshot: Snapshot, run: Recomputation, versions: set[str]) -> None:
        self.snapshot = snapshot
        self.codes = [cert.code for cert in snapshot.certifications]
        now = snapshot.rule_versions
        known = _rule_versions(versions) if run.moved_rules_only else {}
        # None: that catalog's rule versions are not known, so every certification may move.
        self.moved: dict[str, frozenset[str] | None] = {
            version: None
            if version not in known
            else frozenset(code for code in self.codes if known[version].get(code) != now[code])
            for version in versions
        }
        texts = defaultdict(list)
        for change in run.rule_changes:
            texts[change["certification"]].append(change["text"])
        self.cause = {code: _cause(texts[code] + texts[None]) for code in self.codes}

    def stale(self, stored: _Stored) -> frozenset[str] | None:
        """The certifications whose standing may differ from the assessment's summary: those
        whose rules moved since its catalog, or missing from it; None for all of them."""
        moved = self.moved[stored.catalog_version]
        if moved is None:
            return None
        summary = stored.summary
        missing = [code for code in self.codes if code not in summary]
        return moved.union(missing) if missing else moved


FLIP_FIELDS = [
    "recomputation",
    "client",
    "certification",
    "before_status",
    "before_on",
    "after_status",
    "after_on",
    "cause",
]


def _assess(rows: list[_Stored], rules: _Rules, run_id: int) -> dict:
    """{assessment pk: (summary or None when the profile is refused, flips)}, flips as rows
    of StatusChange (FLIP_FIELDS).

    Only the certifications whose rules moved are evaluated again (an edit to one
    certification costs a quarter of a whole evaluation, or less); the others keep their
    stored standing, which the same rules give for the same dated profile. When none moved
    the profile is not even read again: it was valid under its catalog, and the rules it is
    checked against (the vocabularies) are in every certification's rule version."""
    snapshot, codes, cause = rules.snapshot, rules.codes, rules.cause
    outcome = {}
    for stored in rows:
        old = stored.summary
        stale = rules.stale(stored)
        if stale is not None and not stale:
            summary = {code: old[code] for code in codes}
        else:
            try:
                profile = parse_profile(stored.profile, snapshot)
            except ProfileError:
                outcome[stored.pk] = (None, [])  # kept; the client page asks for a review
                continue
            fresh = summarise(evaluate(profile, snapshot, stale))
            summary = {code: fresh[code] if code in fresh else old[code] for code in codes}
        flips = []
        for code, after in summary.items():
            before = old.get(code)
            if before is None:
                before = {}
            elif before is after:  # kept as stored
                continue
            was, then = before.get("status"), before.get("eligible_on")
            if (was, then) != (after["status"], after["eligible_on"]):
                flip = (run_id, stored.client_id, code, was or "", _day(then))
                flips.append((*flip, after["status"], _day(after["eligible_on"]), cause[code]))
        outcome[stored.pk] = (summary, flips)
    return outcome


def _current_assessments(client_ids: list[int], **filters) -> list[_Stored]:
    """The clients' current assessments, one query. The profile and summary come as text and
    are decoded by orjson, four times as fast as the json module JSONField decodes with (a
    tenth of a chunk's time went to that)."""
    chosen = Client.objects.filter(pk__in=client_ids).values("assessment_id")
    text = {f"{name}_text": Cast(name, TextField()) for name in ("profile", "summary")}
    rows = (
        Assessment.objects.filter(pk__in=chosen, **filters)
        .annotate(**text)
        .values_list("id", "client_id", *text, "computed_at", "catalog_version")
    )
    return [
        _Stored(pk, client_id, orjson.loads(profile), orjson.loads(summary), at, version)
        for pk, client_id, profile, summary, at, version in rows
    ]


def _write_summaries(updated: list[_Stored], before: dict, stamp: dict) -> None:
    """Store the new summaries. On PostgreSQL only the entries that changed are sent and
    merged into the stored object (an edit to one certification's rules changes one or two
    entries of eight: a quarter of the JSON to send and parse); a summary that lost a
    certification removed from the catalog is written whole."""
    if connection.vendor != "postgresql":
        update_rows(Assessment, ["summary"], [(a.pk, a.summary) for a in updated], constants=stamp)
        return
    parts, whole = [], []
    for a in updated:
        old = before[a.client_id]
        if old.keys() <= a.summary.keys():
            changed = {c: item for c, item in a.summary.items() if old.get(c) != item}
            parts.append((a.pk, changed))
        else:
            whole.append((a.pk, a.summary))
    update_rows(Assessment, ["summary"], parts, constants=stamp, merge=("summary",))
    update_rows(Assessment, ["summary"], whole, constants=stamp)


def run_chunk(run_id: int, index: int, client_ids: list[int]) -> None:
    """Recompute chunk `index` of pass `run_id`: the given clients' current summaries. Safe
    to run twice, or at the same time as another pass: see the module's docstring."""
    run = (
        Recomputation.objects.filter(pk=run_id)
        .only("chunks_done", "catalog_version", "rule_changes", "moved_rules_only")
        .first()
    )
    if run is None or index in run.chunks_done:
        return  # the pass was deleted, or this chunk was delivered again after it finished
    # The pass's catalog, as this process holds it already; else read afresh. A change
    # committed since is found under the locks below either way.
    snapshot = get_snapshot()
    if snapshot.version != run.catalog_version:
        snapshot = current_snapshot()
    read = _current_assessments(client_ids)
    rules = _Rules(snapshot, run, {a.catalog_version for a in read})
    outcome = _assess(read, rules, run_id)

    with transaction.atomic():
        # A save locks its client too (record_assessment), so the save and this write take
        # turns; clients saved since the read have a newer assessment: leave them alone. The
        # same statement reads what the writes below need of each client, and the time its
        # current assessment was computed (a row rewritten since the read has moved).
        locked = {
            pk: rest
            for pk, *rest in Client.objects.select_for_update(of=("self",))
            .filter(pk__in=client_ids)
            .order_by("pk")
            .values_list(
                "pk", "assessment_id", "organisation_id", "soonest_on", "assessment__computed_at"
            )
        }
        read = [a for a in read if a.client_id in locked and locked[a.client_id][0] == a.pk]
        # Under the locks, the rules in force and the rows as they are now: a rule change
        # committed meanwhile, or another pass's write, is recomputed here, so whichever
        # write comes last follows the newest rules.
        fresh = current_snapshot()
        moved = {
            a.pk
            for a in read
            if fresh.version != snapshot.version or locked[a.client_id][3] != a.computed_at
        }
        if moved:
            again = {a.pk: a for a in _current_assessments(client_ids, id__in=moved)}
            read = [again.get(a.pk, a) for a in read]
            rules = _Rules(fresh, run, {a.catalog_version for a in again.values()})
            outcome.update(_assess(list(again.values()), rules, run_id))

        now = timezone.now()
        updated, same, flips, failed, before = [], [], [], 0, {}
        for assessment in read:
            summary, changes = outcome[assessment.pk]
            if summary is None:
                failed += 1
            elif summary == assessment.summary:
                same.append(assessment.pk)
            else:
                before[assessment.client_id] = assessment.summary
                assessment.summary = summary
                updated.append(assessment)
                flips += changes
        stamp = {"catalog_version": fresh.version, "computed_at": now}
        if same:
            Assessment.objects.filter(pk__in=same).update(**stamp)
        _write_summaries(updated, before, stamp)
        insert_rows(StatusChange, FLIP_FIELDS, flips)
        # Last, the rows every chunk writes (the organisations' numbers, the pass's count),
        # so that two workers' chunks wait on each other's locks for as short a time as can be.
        save_summaries(
            updated,
            organisations=[locked[a.client_id][1] for a in updated],
            before=before,
            soonest_before={a.client_id: locked[a.client_id][2] for a in updated},
        )

        # Counted once, in the transaction of the chunk's writes: a chunk delivered again
        # (its worker was killed before it acknowledged) finds its index and adds nothing.
        run = (
            Recomputation.objects.select_for_update()
            .only("chunks", "chunks_done", "assessments", "changed", "failed", "finished")
            .get(pk=run_id)
        )
        if index not in run.chunks_done:
            run.chunks_done = [*run.chunks_done, index]
            run.assessments += len(read)
            run.changed += len(updated)
            run.failed += failed
            if len(run.chunks_done) >= run.chunks:
                run.finished = now
            run.save(update_fields=["chunks_done", "assessments", "changed", "failed", "finished"])
    if run.finished == now:
        log.info(
            "summaries recomputed",
            extra={"assessments": run.assessments, "changed": run.changed, "failed": run.failed},
        )
