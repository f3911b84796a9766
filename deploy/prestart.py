"""Before the web server starts: wait for the database, then bring it up to date.

Run by deploy/entrypoint.sh in the container (and usable by hand: `python deploy/prestart.py`).

1. Wait until the database answers (DATABASE_WAIT_SECONDS, default 60), so the web container
   can start together with PostgreSQL.
2. `migrate --noinput` (its tables include the rate-limit counters every replica shares), then
   `createcachetable` (careerpath_cache, the cache).
3. `load_catalog` (the seeded catalog) only when there is no certification yet. Loading the
   seed again would upsert it over the editors' changes, so later starts leave the catalog
   alone; load a file deliberately with `manage.py load_catalog FILE`.

On PostgreSQL the steps run under an advisory lock: replicas starting together take turns,
and the second finds nothing left to do.
"""

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the source tree, whatever the working directory
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, connection  # noqa: E402

from eligibility.models import Certification  # noqa: E402

LOCK = 7_213_004_211  # any constant: the advisory lock's key for "careerpath prestart"


def say(message: str) -> None:
    print(f"prestart: {message}", flush=True)


def wait_for_database(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            connection.ensure_connection()
            return
        except OperationalError as error:
            if time.monotonic() >= deadline:
                raise SystemExit(
                    f"prestart: the database did not answer within {seconds:g} s: {error}"
                ) from None
            say("waiting for the database …")
            time.sleep(1)


@contextmanager
def one_replica_at_a_time() -> Iterator[None]:
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK])


def main() -> None:
    wait_for_database(float(os.environ.get("DATABASE_WAIT_SECONDS", "60")))
    with one_replica_at_a_time():
        call_command("migrate", interactive=False)
        call_command("createcachetable")
        if Certification.objects.exists():
            say("catalog present; the seed is not loaded again (editors' changes are kept)")
        else:
            call_command("load_catalog")
    say("ready")


if __name__ == "__main__":
    main()
