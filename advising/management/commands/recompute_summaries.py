"""Recompute every client's stored summary against the current catalog."""

from django.conf import settings
from django.core.management.base import BaseCommand

from advising.recompute import recompute
from advising.tasks import dispatch, recompute_pass


class Command(BaseCommand):
    help = (
        "Recompute the advisors' stored summaries (status and date per certification) against "
        "the current catalog, and record whose standing changed. Runs by itself after a "
        "catalog change; use this after a restore, or with CAREERPATH_RECOMPUTE=off. With "
        "CAREERPATH_RECOMPUTE=queue the pass is queued for the workers unless --here is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--here", action="store_true", help="run the pass in this process, not on the queue"
        )

    def handle(self, *args, **options):
        if settings.CAREERPATH_RECOMPUTE == "queue" and not options["here"]:
            dispatch(recompute_pass, trigger="command")
            self.stdout.write("Recompute queued: the workers bring every summary up to date.")
            return
        run = recompute(trigger="command")
        seconds = (run.finished - run.started).total_seconds()
        self.stdout.write(
            f"{run.assessments} summaries checked in {seconds:.1f} s: {run.changed} changed, "
            f"{run.status_changes.count()} standings moved, {run.failed} need review."
        )
