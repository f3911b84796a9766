from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from advising.models import Client
from advising.recompute import not_in_background, recompute
from eligibility.catalog import get_snapshot
from eligibility.catalog_format import parse_catalog_json
from eligibility.loading import load_catalog
from eligibility.snapshot import SEED_PATH, CatalogError


class Command(BaseCommand):
    help = "Load the seeded catalog, or an exported catalog FILE; upserts by code, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="an exported catalog (default: the seed)")

    def handle(self, *args, **options):
        path = Path(options["file"]) if options["file"] else SEED_PATH
        try:
            data = parse_catalog_json(path.read_bytes())
        except OSError as exc:
            raise CommandError(f"{path}: cannot read ({exc.strerror})") from None
        except ValueError as exc:
            raise CommandError(f"{path}: not valid JSON ({exc})") from None
        try:
            # The advisors' summaries are recomputed below, before the command exits: a
            # background thread would die with it.
            with not_in_background():
                report = load_catalog(data)
        except CatalogError as exc:
            lines = "\n".join(f"  {p}: {msg}" for p, msg in exc.errors.items())
            raise CommandError(f"{path}: catalog refused, nothing was written:\n{lines}") from None
        if not report.changed:
            self.stdout.write(f"Catalog already up to date ({path.name}).")
            return
        self.stdout.write(
            f"Loaded {path.name}: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.deleted)} deleted."
        )
        if settings.CAREERPATH_RECOMPUTE == "off":
            return  # recomputed later with `manage.py recompute_summaries`
        if Client.objects.filter(assessment__isnull=False).exists():
            run = recompute(get_snapshot(), trigger="load_catalog")
            self.stdout.write(
                f"{run.assessments} summaries checked against the new rules: "
                f"{run.changed} changed, {run.failed} need review."
            )
