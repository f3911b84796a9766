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

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from eligibility.catalog import current_snapshot
from eligibility.engine import evaluate
from eligibility.models import Certification
from eligibility.profile import ProfileError, parse_profile
from eligibility.snapshot import Snapshot

from .bulk import bulk_set
from .models import (
    Assessment,
    Client,
    Recomputation,
    StatusChange,
)
from .summaries import save_summaries, summarise

log = logging.getLogger(__name__)

READ_FIELDS = ("id", "client_id", "profile", "summary", "computed_at", "catalog_version")


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


def _moved(before: dict, after: dict) -> bool:
    return (before.get("status"), before.get("eligible_on")) != (
        after["status"], after["eligible_on"],
    )  # fmt: skip


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


def _rule_versions(catalog_versions: set[str]) -> dict[str, dict]:
    """The rule versions of each of these catalog versions that a pass recorded, one query."""
    found = {}
    for version, rules in (
        Recomputation.objects.filter(catalog_version__in=catalog_versions)
        .exclude(rule_versions={})
        .values_list("catalog_version", "rule_versions")
    ):
        found[version] = rules
    return found


def _stale(assessment: Assessment, snapshot: Snapshot, known: dict[str, dict]) -> set[str] | None:
    """The certifications whose standing may differ from the assessment's summary under
    `snapshot`: those whose rules moved since the catalog it was computed against, or
    missing from it. None (all of them) when that catalog's rule versions are not known."""
    before = known.get(assessment.catalog_version)
    if before is None:
        return None
    now = snapshot.rule_versions
    return {code for code in now if before.get(code) != now[code] or code not in assessment.summary}


def _assess(assessments: list[Assessment], snapshot: Snapshot, run: Recomputation) -> dict:
    """{assessment pk: (summary or None when the profile is refused, flips)}.

    Only the certifications whose rules moved are evaluated again (an edit to one
    certification costs a quarter of a whole evaluation, or less); the others keep their
    stored standing, which the same rules give for the same dated profile."""
    causes = defaultdict(list)
    for change in run.rule_changes:
        causes[change["certification"]].append(change["text"])
    known = _rule_versions({a.catalog_version for a in assessments}) if run.moved_rules_only else {}
    outcome = {}
    for assessment in assessments:
        try:
            profile = parse_profile(assessment.profile, snapshot)
        except ProfileError:
            outcome[assessment.pk] = (None, [])  # kept; the client page asks for a review
            continue
        stale = _stale(assessment, snapshot, known)
        fresh = summarise(evaluate(profile, snapshot, stale))
        summary = {
            cert.code: fresh[cert.code] if cert.code in fresh else assessment.summary[cert.code]
            for cert in snapshot.certifications
        }
        flips = [
            StatusChange(
                recomputation_id=run.pk,
                client_id=assessment.client_id,
                certification=code,
                before_status=before.get("status", ""),
                before_on=_day(before.get("eligible_on")),
                after_status=after["status"],
                after_on=_day(after["eligible_on"]),
                cause=_cause(causes[code] + causes[None]),
            )  # fmt: skip
            for code, after in summary.items()
            if _moved(before := assessment.summary.get(code, {}), after)
        ]
        outcome[assessment.pk] = (summary, flips)
    return outcome


def _current_assessments(client_ids: list[int], **filters) -> list[Assessment]:
    """The clients' current assessments, one query."""
    chosen = Client.objects.filter(pk__in=client_ids).values("assessment_id")
    return list(Assessment.objects.filter(pk__in=chosen, **filters).only(*READ_FIELDS))


def run_chunk(run_id: int, index: int, client_ids: list[int]) -> None:
    """Recompute chunk `index` of pass `run_id`: the given clients' current summaries. Safe
    to run twice, or at the same time as another pass: see the module's docstring."""
    run = Recomputation.objects.filter(pk=run_id).first()
    if run is None or index in run.chunks_done:
        return  # the pass was deleted, or this chunk was delivered again after it finished
    snapshot = current_snapshot()
    read = _current_assessments(client_ids)
    outcome = _assess(read, snapshot, run)

    with transaction.atomic():
        # A save locks its client too (record_assessment), so the save and this write take
        # turns; clients saved since the read have a newer assessment: leave them alone.
        still = dict(
            Client.objects.select_for_update()
            .filter(pk__in=client_ids)
            .order_by("pk")
            .values_list("pk", "assessment_id")
        )
        read = [a for a in read if still.get(a.client_id) == a.pk]
        # Under the locks, the rules in force and the rows as they are now: a rule change
        # committed meanwhile, or another pass's write, is recomputed here, so whichever
        # write comes last follows the newest rules.
        fresh = current_snapshot()
        stamps = dict(
            Assessment.objects.filter(pk__in=[a.pk for a in read]).values_list("pk", "computed_at")
        )
        moved = {
            a.pk for a in read if fresh.version != snapshot.version or stamps[a.pk] != a.computed_at
        }
        if moved:
            again = {a.pk: a for a in Assessment.objects.filter(pk__in=moved).only(*READ_FIELDS)}
            read = [again.get(a.pk, a) for a in read]
            outcome.update(_assess(list(again.values()), fresh, run))

        now = timezone.now()
        updated, flips, same, failed, before = [], [], [], 0, {}
        for assessment in read:
            summary, changes = outcome[assessment.pk]
            if summary is None:
                failed += 1
            elif summary == assessment.summary:
                same.append(assessment.pk)
            else:
                before[assessment.client_id] = assessment.summary
                assessment.summary = summary
                assessment.catalog_version, assessment.computed_at = fresh.version, now
                updated.append(assessment)
                flips += changes
        Assessment.objects.filter(pk__in=same).update(
            catalog_version=fresh.version, computed_at=now
        )
        bulk_set(updated, ["summary", "catalog_version", "computed_at"])
        save_summaries(updated, before=before)
        StatusChange.objects.bulk_create(flips, batch_size=1000)

        # Counted once, in the transaction of the chunk's writes: a chunk delivered again
        # (its worker was killed before it acknowledged) finds its index and adds nothing.
        run = Recomputation.objects.select_for_update().get(pk=run_id)
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
