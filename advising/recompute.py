"""Bring every client's stored summary up to the current catalog.

Runs after an editor's change is committed (in a background thread, so the editor's save is
not held up) and from `manage.py recompute_summaries`. Each pass records which clients'
standing moved, and the catalog edits since the previous pass that explain it.
"""

import datetime as dt
import logging
import threading
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Min
from django.utils import timezone

from eligibility.engine import evaluate
from eligibility.models import Certification
from eligibility.profile import ProfileError, parse_profile
from eligibility.snapshot import Snapshot

from .models import (
    Assessment,
    Client,
    Recomputation,
    StatusChange,
)
from .summaries import save_summaries, summarise

log = logging.getLogger(__name__)
_lock = threading.Lock()


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


def recompute(snapshot: Snapshot, *, trigger: str) -> Recomputation:
    """Recompute every client's current summary against `snapshot`; returns the pass."""
    with _lock:
        current = Assessment.objects.filter(pk__in=Client.objects.values("assessment_id"))
        previous = Recomputation.objects.filter(finished__isnull=False).first()
        # The edits since the summaries were last brought up to date.
        since = previous.started if previous else current.aggregate(t=Min("computed_at"))["t"]
        changes = rule_changes(since)
        run = Recomputation.objects.create(
            started=timezone.now(), catalog_version=snapshot.version, trigger=trigger,
            rule_changes=changes,
        )  # fmt: skip
        causes = defaultdict(list)
        for change in changes:
            causes[change["certification"]].append(change["text"])

        updated, flips, failed = [], [], 0
        for assessment in current.only("id", "client_id", "profile", "summary").iterator(2000):
            try:
                profile = parse_profile(assessment.profile, snapshot)
            except ProfileError:
                failed += 1  # kept as it was; the client page asks to review the profile
                continue
            summary = summarise(evaluate(profile, snapshot))
            if summary == assessment.summary:
                continue
            for code, after in summary.items():
                before = assessment.summary.get(code, {})
                if _moved(before, after):
                    flips.append(StatusChange(
                        recomputation=run, client_id=assessment.client_id, certification=code,
                        before_status=before.get("status", ""),
                        before_on=_day(before.get("eligible_on")),
                        after_status=after["status"], after_on=_day(after["eligible_on"]),
                        cause=_cause(causes[code] + causes[None]),
                    ))  # fmt: skip
            assessment.summary = summary
            updated.append(assessment)

        with transaction.atomic():
            # A client saved since their assessment was read has a newer assessment, computed
            # by that save: writing this one's summary would show the old standing. Lock the
            # clients (a save locks its client too) and keep those still on the assessment read.
            still = set(
                Client.objects.select_for_update()
                .filter(pk__in=[a.client_id for a in updated])
                .order_by("pk")
                .values_list("pk", "assessment_id")
            )
            updated = [a for a in updated if (a.client_id, a.pk) in still]
            kept = {a.client_id for a in updated}
            flips = [f for f in flips if f.client_id in kept]
            now = timezone.now()
            # Assessments saved after this pass began were computed by their save, against
            # the catalog that save read; those rewritten here now follow `snapshot`.
            current.filter(computed_at__lt=run.started).update(
                catalog_version=snapshot.version, computed_at=now
            )
            for assessment in updated:
                assessment.catalog_version, assessment.computed_at = snapshot.version, now
            Assessment.objects.bulk_update(
                updated, ["summary", "catalog_version", "computed_at"], batch_size=500
            )
            save_summaries(updated)
            StatusChange.objects.bulk_create(flips, batch_size=1000)
            run.assessments = current.count()
            run.changed, run.failed, run.finished = len(updated), failed, now
            run.save()
    log.info(
        "summaries recomputed",
        extra={"assessments": run.assessments, "changed": run.changed, "failed": failed},
    )
    return run


_here = threading.local()


@contextmanager
def not_in_background():
    """Within this block a committed catalog change starts no background recompute. For
    management commands: a background thread would die with the process, so the command runs
    the pass itself (`recompute`) before it exits."""
    _here.held = True
    try:
        yield
    finally:
        del _here.held


def _recompute_now() -> None:
    from eligibility.catalog import get_snapshot

    try:
        recompute(get_snapshot(), trigger="catalog edit")
    except Exception:  # the old summaries stay; the next edit or the command retries
        log.exception("recomputing summaries failed")
    finally:
        if threading.current_thread() is not threading.main_thread():
            connection.close()


def _in_background() -> None:
    mode = getattr(settings, "CAREERPATH_RECOMPUTE", "thread")
    if getattr(_here, "held", False):
        return  # the command recomputes before it exits
    if mode == "inline":
        _recompute_now()
    elif mode == "thread":
        threading.Thread(target=_recompute_now, name="recompute-summaries", daemon=True).start()


def schedule_recompute(**kwargs) -> None:
    """Signal receiver: once the catalog change commits, recompute (once per transaction)."""
    pending = connection.run_on_commit if connection.in_atomic_block else []
    if any(func is _in_background for _, func, *_ in pending):
        return
    if not Client.objects.filter(assessment__isnull=False).exists():
        return
    transaction.on_commit(_in_background)
