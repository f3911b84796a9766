import json
import sys

from django.core.management.base import BaseCommand

from eligibility import strict_json
from eligibility.catalog import get_snapshot
from eligibility.profile import ProfileError
from eligibility.services import assess_many


class Command(BaseCommand):
    help = (
        "Assess a profile (the JSON of docs/profile-format.md) from FILE, or stdin with '-'. "
        "A JSON list of profiles gives a list of results. Exit 0 with results on stdout; "
        "exit 2 with errors on stderr."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="profile JSON file, or - for stdin")

    def handle(self, *args, **options):
        try:
            if options["file"] == "-":
                text = sys.stdin.read()
            else:
                with open(options["file"], encoding="utf-8") as handle:
                    text = handle.read()
            data = strict_json.loads(text)
        except OSError as exc:
            self._fail({"file": f"cannot read {options['file']} ({exc.strerror})"})
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError too
            self._fail({"file": f"is not valid JSON ({str(exc)[:200]})"})

        try:
            results = assess_many(data, get_snapshot())
        except ProfileError as refused:
            self._fail(refused.errors)
        self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))

    def _fail(self, errors: dict) -> None:
        for path, message in errors.items():
            self.stderr.write(f"{path}: {message}")
        sys.exit(2)
