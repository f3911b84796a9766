import json

from django.core.management.base import BaseCommand

from eligibility.catalog import dump_catalog


class Command(BaseCommand):
    help = "Write the whole catalog as JSON (the format load_catalog reads) to stdout or --output."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: stdout)")

    def handle(self, *args, **options):
        text = json.dumps(dump_catalog(), indent=2, ensure_ascii=False) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
