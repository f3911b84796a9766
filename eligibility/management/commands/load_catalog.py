from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from kombu.exceptions import KombuError

from advising.models import Client
from advising.recompute import recompute
from advising.tasks import dispatch, recompute_pass
from eligibility.catalog_format import parse_catalog_json
from eligibility.loading import load_catalog
from eligibility.snapshot import SEED_PATH, CatalogError


class Command(BaseCommand):
    help = (
        "Load the seeded catalog, or an exported catalog FILE; upserts by code, all or nothing. "
        "A change recomputes the advisors' summaries (queued, or here with CAREERPATH_RECOMPUTE "
        "inline)."
    )

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
        mode = settings.CAREERPATH_RECOMPUTE
        if mode == "off" or not Client.objects.filter(assessment__isnull=False).exists():
            return  # nothing to recompute, or later with `manage.py recompute_summaries`
        if mode == "queue":
            try:  # the load is committed: send the pass now, and say so if the broker is away
                dispatch(recompute_pass, trigger="load_catalog")
            except KombuError as exc:
                raise CommandError(
                    f"Catalog loaded, but the recompute could not be queued ({exc}); run "
                    "`manage.py recompute_summaries` once the broker is back (or with --here)."
                ) from None
            self.stdout.write("The advisors' summaries are being recomputed by the workers.")
            return
        run = recompute(trigger="load_catalog")  # before the command exits
        self.stdout.write(
            f"{run.assessments} summaries checked against the new rules: "
            f"{run.changed} changed, {run.failed} need review."
        )
