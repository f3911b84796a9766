"""Recompute benchmark: every stored summary brought up to a rule change by Celery workers.

Run with `make bench` (after bench/advising.py) or `.venv/bin/python bench/recompute.py
[--clients 200000] [--organisations 40] [--workers 2]`. On the machine's PostgreSQL
(127.0.0.1:5432, user postgres, trust auth; --database-url for another server) in a throwaway
database, and on RabbitMQ (CELERY_BROKER_URL, default amqp://guest:guest@127.0.0.1:5672//) in
a throwaway queue, the script

1. migrates, loads the seeded catalog and writes --clients clients across --organisations
   organisations, each with a current assessment, its summary and readiness rows, with
   PostgreSQL's COPY (profiles from advising.demo, a few thousand distinct ones dealt out in
   turn; the recompute still evaluates every client);
2. starts --workers Celery workers (`celery -A careerpath worker --pool solo`, one process
   each), raises ACM's hours of paid case-management work from 2,080 to 20,000 the way the
   editors' admin does (the save, then enqueue_recompute, sent when the transaction commits),
   and times the pass from that commit until its last chunk marks it finished; goal <= 60 s
   (the seeded summaries are recorded as brought up to date by an earlier pass, as on a site
   in use, so the pass evaluates ACM and CMAC, which depends on it, and keeps the others);
3. checks a sample of clients against a fresh evaluation, then drops the database and the
   queue.

With --in-process there are no workers and no broker: after the same seed and rule change,
the pass's chunks run one after the other in this process, and the script reports what a
chunk costs (CPU time from time.process_time, wall time, and the share of each step: parsing
the profiles, evaluating, the summary words, the database). On a shared machine the 200,000
wall figure moves with the other work; the per-chunk CPU time is the steadier measure.

The exit status is non-zero when the pass does not finish, a checked summary is wrong, or the
benchmark could not run; a missed goal is reported, not failed.
"""

import argparse
import csv
import io
import json
import os
import random
import secrets
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH_DIR))

from web import BenchError, Workspace, run_benchmark, server_env  # noqa: E402

GOAL_S = 60.0
DISTINCT_PROFILES = 3000
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672//"
RULE = ("acm", "health-care-case-management", 20000)  # certification, route, new hours
FINISH_TIMEOUT_S = 900


def throwaway_database(server_url: str, name: str) -> str:
    """Create database `name` on the server of `server_url`; its URL."""
    import psycopg2

    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_database(server_url: str, name: str) -> bool:
    import psycopg2

    try:
        connection = psycopg2.connect(server_url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()
    except psycopg2.Error as problem:
        print(f"  NOTE: database {name} not dropped: {problem}", file=sys.stderr)
    return True


def start_workers(env: dict[str, str], count: int, logs: Path) -> list[subprocess.Popen]:
    """`count` Celery workers, one process each (the solo pool: SIGKILL takes the whole
    worker, as a crash would), started and ready to take tasks."""
    workers = []
    for i in range(count):
        log = (logs / f"worker-{i + 1}.log").open("w")
        workers.append(
            subprocess.Popen(
                [
                    sys.executable, "-m", "celery", "-A", "careerpath", "worker",
                    "--pool", "solo", "--hostname", f"bench{i + 1}-{secrets.token_hex(3)}@%h",
                    "--without-gossip", "--without-mingle", "--loglevel", "INFO",
                ],
                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        )  # fmt: skip
    deadline = time.monotonic() + 60
    for i, worker in enumerate(workers):
        path = logs / f"worker-{i + 1}.log"
        while "ready." not in path.read_text(errors="replace"):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"worker {i + 1} did not start:\n{path.read_text()[-2000:]}")
            time.sleep(0.2)
    return workers


def stop_workers(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
    for worker in workers:
        try:
            worker.wait(20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def delete_queue(name: str) -> bool:
    from careerpath.celery import app

    try:
        with app.connection_for_write() as connection:
            connection.default_channel.queue_delete(name)
    except Exception as problem:  # noqa: BLE001 - a leftover queue is only noted
        print(f"  NOTE: queue {name} not deleted: {problem}", file=sys.stderr)
    return True


def copy_rows(model, rows: list[dict]) -> None:
    """Insert `rows` ({attname: value}) into `model`'s table with one COPY."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if f.attname in rows[0]]
    buffer = io.StringIO()
    out = csv.writer(buffer)
    for row in rows:
        values = []
        for f in fields:
            value = row[f.attname]
            if value is None:
                value = r"\N"
            elif f.get_internal_type() == "JSONField":
                value = json.dumps(value)
            values.append(value)
        out.writerow(values)
    buffer.seek(0)
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with connection.cursor() as cursor:
        cursor.copy_expert(
            f"COPY \"{model._meta.db_table}\" ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')",
            buffer,
        )


def seed(clients: int, organisations: int) -> None:
    """`clients` assessed clients across `organisations`, written with COPY."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from advising.demo import demo_profile
    from advising.models import Assessment, Client, Organisation, Readiness, Recomputation
    from advising.summaries import dated_profile, readiness_rows, soonest, summarise
    from eligibility.catalog import get_snapshot
    from eligibility.engine import evaluate
    from eligibility.profile import parse_profile

    quiet = {"stdout": io.StringIO(), "verbosity": 0}
    for command in ("migrate", "createcachetable", "load_catalog"):
        call_command(command, **quiet)
    snapshot = get_snapshot()
    rng, today, now = random.Random(1), timezone.localdate(), timezone.now()
    pool = []
    for _ in range(min(DISTINCT_PROFILES, clients)):
        profile = dated_profile(demo_profile(rng, snapshot, today), today)
        summary = summarise(evaluate(parse_profile(profile, snapshot), snapshot))
        pool.append((profile, summary, soonest(summary, profile["as_of"])))
    started = time.monotonic()
    with transaction.atomic():
        orgs = Organisation.objects.bulk_create(
            Organisation(name=f"Organisation {i + 1}", slug=f"org-{i + 1}")
            for i in range(organisations)
        )
        client_rows, assessment_rows, readiness = [], [], []
        for pk in range(1, clients + 1):
            profile, summary, soon = pool[pk % len(pool)]
            client_rows.append({
                "id": pk, "organisation_id": orgs[pk % organisations].pk, "advisor_id": None,
                "name": f"Client {pk}", "email": "", "external_id": "", "notes": "",
                "created": now, "updated": now, "assessment_id": None, "soonest_on": soon,
            })  # fmt: skip
            assessment_rows.append({
                "id": pk, "client_id": pk, "profile": profile, "source": "advisor",
                "entered_by_id": None, "created": now, "catalog_version": snapshot.version,
                "computed_at": now, "summary": summary,
            })  # fmt: skip
            readiness += [
                {f: getattr(r, f) for f in
                 ("client_id", "certification", "status", "eligible_on", "blocker", "detail")}
                for r in readiness_rows(pk, summary)
            ]  # fmt: skip
        copy_rows(Client, client_rows)
        copy_rows(Assessment, assessment_rows)
        copy_rows(Readiness, readiness)
        # As on a site in use: the summaries were brought up to this catalog by a pass, which
        # recorded its rule versions (the next edit's pass evaluates only what moved).
        Recomputation.objects.create(
            started=now, finished=now, catalog_version=snapshot.version, trigger="catalog edit",
            assessments=clients, rule_versions=snapshot.rule_versions,
        )  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute(
                f'UPDATE "{Client._meta.db_table}" SET assessment_id = id'  # noqa: S608
            )
            for model in (Client, Assessment):
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), {clients})"
                )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"  seeded {clients:,} clients, {clients:,} assessments and {len(readiness):,} readiness "
        f"rows across {organisations} organisations in {time.monotonic() - started:.1f} s"
    )


def change_rule_and_wait(workers: list[subprocess.Popen]) -> tuple[float, object]:
    """The editors' admin's write (save, then enqueue_recompute at commit); seconds from the
    commit until the pass is finished, and the pass."""
    from django.db import transaction

    from advising.models import Recomputation
    from advising.tasks import enqueue_recompute
    from eligibility import models as m

    code, route, hours = RULE
    since = Recomputation.objects.latest().started
    condition = m.Condition.objects.get(
        option__group__certification__code=code, option__code=route, kind="experience"
    )
    with transaction.atomic():
        condition.params = {**condition.params, "hours": hours}
        condition.save()
        enqueue_recompute(trigger="catalog edit")
    committed = time.monotonic()
    deadline = committed + FINISH_TIMEOUT_S
    while True:
        run = Recomputation.objects.filter(trigger="catalog edit", started__gt=since).first()
        if run is not None and run.finished is not None:
            return time.monotonic() - committed, run
        if time.monotonic() > deadline:
            raise BenchError(f"the pass did not finish in {FINISH_TIMEOUT_S} s: {run!r}")
        if all(w.poll() is not None for w in workers):
            raise BenchError("every worker exited")
        time.sleep(0.1)


def change_rule() -> None:
    """The editors' admin's write of RULE, without a pass (CAREERPATH_RECOMPUTE is "off")."""
    from django.db import transaction

    from advising.tasks import enqueue_recompute
    from eligibility import models as m

    code, route, hours = RULE
    condition = m.Condition.objects.get(
        option__group__certification__code=code, option__code=route, kind="experience"
    )
    with transaction.atomic():
        condition.params = {**condition.params, "hours": hours}
        condition.save()
        enqueue_recompute(trigger="catalog edit")


class Steps:
    """Seconds spent in each step of a chunk: the functions advising.recompute calls, wrapped
    by name for the length of the run (CPU time), and the database statements (wall time,
    Django's execute_wrapper)."""

    WRAPPED = {"parse_profile": "parse", "evaluate": "evaluate", "summarise": "summary words"}

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys([*self.WRAPPED.values(), "database"], 0.0)
        self.statements = 0
        self.saved: list[tuple[object, str, object]] = []

    def __enter__(self) -> "Steps":
        from django.db import connection

        from advising import recompute

        for name, step in self.WRAPPED.items():
            original = getattr(recompute, name, None)
            if original is not None:
                self.saved.append((recompute, name, original))
                setattr(recompute, name, self._timed(original, step))
        self._wrapper = connection.execute_wrapper(self._query)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._wrapper.__exit__(*exc)
        for module, name, original in self.saved:
            setattr(module, name, original)

    def _timed(self, function, step: str):
        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[step] += time.process_time() - started

        return timed

    def _query(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds["database"] += time.perf_counter() - started
            self.statements += 1


def chunk_costs(clients: int) -> int:
    """Run the pass after RULE's change chunk by chunk in this process; print the cost of a
    chunk. Non-zero when a checked summary is wrong."""
    import statistics

    from advising.models import Recomputation
    from advising.recompute import plan_pass, run_chunk

    change_rule()
    run, chunks = plan_pass(trigger="catalog edit")
    cpu, wall, statements = [], [], []
    with Steps() as steps:
        for index, client_ids in enumerate(chunks):
            before = steps.statements
            started_cpu, started = time.process_time(), time.perf_counter()
            run_chunk(run.pk, index, client_ids)
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started)
            statements.append(steps.statements - before)
    run = Recomputation.objects.get(pk=run.pk)
    count = len(chunks)
    print(
        f"  {count} chunks in process: a chunk {statistics.median(cpu):.3f} s CPU "
        f"(median; mean {statistics.mean(cpu):.3f}), {statistics.median(wall):.3f} s wall, "
        f"{statistics.median(statements):.0f} statements; "
        f"{run.assessments:,} assessments, {run.changed:,} changed"
    )
    print(
        "  a chunk's steps (mean): "
        + ", ".join(f"{step} {seconds / count:.3f} s" for step, seconds in steps.seconds.items())
    )
    print(
        f"  two workers at this CPU time: about {sum(cpu) / 2 * 200_000 / max(clients, 1):.1f} s "
        "for 200,000 clients (before the queue's own costs)"
    )
    wrong = check_sample()
    print(f"  sample of 500 clients against a fresh evaluation: {wrong} wrong")
    return 1 if wrong or run.finished is None or run.assessments != clients else 0


def check_sample(size: int = 500) -> int:
    """Clients whose stored summary differs from a fresh evaluation (a random sample)."""
    from advising.models import Client, Readiness
    from advising.summaries import soonest, summarise
    from eligibility.catalog import current_snapshot
    from eligibility.engine import evaluate
    from eligibility.profile import parse_profile

    snapshot = current_snapshot()
    ids = list(Client.objects.order_by("?").values_list("pk", flat=True)[:size])
    wrong = 0
    for client in Client.objects.filter(pk__in=ids).select_related("assessment"):
        profile = client.assessment.profile
        fresh = summarise(evaluate(parse_profile(profile, snapshot), snapshot))
        # Every field of the rows the client list and the dashboard read, and the date.
        rows = {
            r.certification: (
                r.status,
                r.eligible_on and r.eligible_on.isoformat(),
                r.blocker,
                r.detail,
            )
            for r in Readiness.objects.filter(client=client)
        }
        expected = {
            code: (s["status"], s["eligible_on"], s["blocker"], s["detail"])
            for code, s in fresh.items()
        }
        if (
            client.assessment.summary != fresh
            or rows != expected
            or client.soonest_on != soonest(fresh, profile["as_of"])
        ):
            wrong += 1
    return wrong


def benchmark(space: Workspace, args: argparse.Namespace) -> int:
    name = f"careerpath_bench_{secrets.token_hex(4)}"
    queue = f"careerpath-bench-{secrets.token_hex(4)}"
    url = throwaway_database(args.database_url, name)
    space.cleanups.append(lambda: drop_database(args.database_url, name))
    env = server_env(space.tmp)
    if args.in_process:
        env.update({
            "DATABASE_URL": url, "CAREERPATH_RECOMPUTE": "off", "DJANGO_LOG_LEVEL": "WARNING",
            "CAREERPATH_RECOMPUTE_CHUNK": str(args.chunk),
            "DJANGO_SETTINGS_MODULE": "careerpath.settings",
        })  # fmt: skip
        os.environ.update(env)
        import django

        django.setup()
        print(
            f"Recompute benchmark, in process: {args.clients:,} clients, "
            f"{args.organisations} organisations, PostgreSQL, chunks of {args.chunk}"
        )
        sys.stdout.flush()
        seed(args.clients, args.organisations)
        try:
            return chunk_costs(args.clients)
        finally:
            from django.db import connections

            connections.close_all()
    env.update({
        "DATABASE_URL": url, "CAREERPATH_RECOMPUTE": "queue", "CAREERPATH_QUEUE": queue,
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", DEFAULT_BROKER),
        "CAREERPATH_RECOMPUTE_CHUNK": str(args.chunk), "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "careerpath.settings",
    })  # fmt: skip
    os.environ.update(env)
    import django

    django.setup()
    space.cleanups.insert(0, lambda: delete_queue(queue))
    print(
        f"Recompute benchmark: {args.clients:,} clients, {args.organisations} organisations, "
        f"PostgreSQL, RabbitMQ, {args.workers} Celery workers, chunks of {args.chunk}"
    )
    sys.stdout.flush()
    seed(args.clients, args.organisations)
    workers = start_workers(env, args.workers, space.tmp)
    space.cleanups.insert(0, lambda: stop_workers(workers) or True)
    seconds, run = change_rule_and_wait(workers)
    result = "pass" if seconds <= GOAL_S else "MISS"
    print(
        f"  recompute after a rule change   {seconds:6.1f} s   goal <= {GOAL_S:.0f} s   {result}"
        f"   ({run.assessments:,} assessments, {run.changed:,} changed, {run.chunks} chunks, "
        f"{run.status_changes.count():,} status changes; "
        f"{seconds / max(run.assessments, 1) * 1e3:.2f} ms a client)"
    )
    wrong = check_sample()
    print(f"  sample of 500 clients against a fresh evaluation: {wrong} wrong")
    from django.db import connections

    connections.close_all()
    return 1 if wrong or run.assessments != args.clients else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200_000, help="default 200000")
    parser.add_argument("--organisations", type=int, default=40, help="default 40")
    parser.add_argument("--workers", type=int, default=2, help="Celery workers (default 2)")
    parser.add_argument("--chunk", type=int, default=1000, help="clients a task (default 1000)")
    parser.add_argument(
        "--in-process", action="store_true",
        help="no workers: run the chunks here and report what a chunk costs",
    )  # fmt: skip
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_DATABASE),
        help="a PostgreSQL server to create the throwaway database on",
    )  # fmt: skip
    args = parser.parse_args()
    return run_benchmark(
        lambda space: benchmark(space, args),
        prefix="careerpath-bench-recompute-", name="Recompute benchmark",
        failed="Recompute benchmark FAILED",
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
