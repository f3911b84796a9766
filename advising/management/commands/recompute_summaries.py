"""Recompute every client's stored summary against the current catalog."""

from django.core.management.base import BaseCommand

from advising.recompute import recompute
from eligibility.catalog import get_snapshot


class Command(BaseCommand):
    help = (
        "Recompute the advisors' stored summaries (status and date per certification) against "
        "the current catalog, and record whose standing changed. Runs by itself after an "
        "editor's change; use this after a restore, or with CAREERPATH_RECOMPUTE=off."
    )

    def handle(self, *args, **options):
        run = recompute(get_snapshot(), trigger="command")
        seconds = (run.finished - run.started).total_seconds()
        self.stdout.write(
            f"{run.assessments} summaries checked in {seconds:.1f} s: {run.changed} changed, "
            f"{run.status_changes.count()} standings moved, {run.failed} need review."
        )
