"""Advisor benchmark: seeding 5,000 clients, recomputing their summaries, the advisor pages.

Run with `make bench` (after bench/web.py) or `.venv/bin/python bench/advising.py`. In a
throwaway SQLite database in a temporary directory (production settings: DEBUG off, a random
secret key, no HTTPS redirect, rate limits off) the script

1. migrates, loads the seeded catalog and times `manage.py seed_demo --clients 5000`;
2. times `recompute()` (a whole pass in this process, chunk after chunk; bench/recompute.py
   measures it on the job queue) over the 5,000 current assessments twice: when nothing
   changed (every summary comes out the same, nothing is written but the catalog version) and
   when every
   summary differs (all set to {} first, so every summary, readiness row and client date is
   rewritten and every status change is recorded); goal ≤ 10 s each;
3. serves the site with gunicorn (2 sync workers) and, signed in as the demo organisation
   admin (who sees all 5,000 clients), measures requests per second of `/advisor/` (the
   dashboard) and `/advisor/clients/` (the client list, first page of 50) with wrk, or the
   pure-Python load generator of bench/web.py without it, as ratios to the trivial view
   `/robots.txt` measured around them (bench/web.py's rounds and report); goal ≥ 0.1. No
   page is cached: every request renders the page from the stored summaries.

A page that does not answer 200 for the signed-in admin is reported and left out; the other
figures are still measured. The exit status is non-zero only when the benchmark itself could
not run.
"""

import argparse
import os
import sys
import time
from io import StringIO
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

from web import (  # noqa: E402 - bench/web.py, the HTTP benchmark's helpers
    BenchError,
    Browser,
    Target,
    Workspace,
    load_arguments,
    measure_all,
    report,
    run_benchmark,
    server_env,
    warn_without_wrk,
)

ADMIN, PASSWORD = "demo-admin", "careerpath-demo"  # noqa: S105 - seed_demo's demo account
SEED_GOAL_S = 30.0
RECOMPUTE_GOAL_S = 10.0
PAGE_GOAL = 0.1
PAGES = [
    ("GET /advisor/ (dashboard)", "/advisor/"),
    ("GET /advisor/clients/ (first 50)", "/advisor/clients/"),
]


def setup_django(env: dict[str, str]) -> None:
    """Django in this process, on the same throwaway database the server will use."""
    os.environ.update(env)
    os.environ["CAREERPATH_RECOMPUTE"] = "off"  # no background pass behind the timed ones
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"  # the figures, not each pass's log line
    os.environ["DJANGO_SETTINGS_MODULE"] = "careerpath.settings"
    import django

    django.setup()


def timed(label: str, seconds: float, goal: float, notes: str = "") -> None:
    result = "pass" if seconds <= goal else "MISS"
    print(f"  {label:<34} {seconds:6.2f} s   goal <= {goal:.0f} s   {result}   {notes}".rstrip())


def seed_and_recompute(clients: int) -> None:
    from django.core.management import call_command
    from django.db import connections

    from advising.models import Assessment, Client, Recomputation
    from advising.recompute import recompute

    quiet = {"stdout": StringIO(), "verbosity": 0}
    for command in ("migrate", "createcachetable", "load_catalog"):
        call_command(command, **quiet)
    call_command("collectstatic", interactive=False, **quiet)

    started = time.monotonic()
    call_command("seed_demo", clients=clients, allow_without_debug=True, stdout=StringIO())
    seeded = time.monotonic() - started
    assessed = Client.objects.filter(assessment__isnull=False).count()
    if assessed != clients:
        raise BenchError(f"seed_demo left {assessed} assessed clients, not {clients}")
    timed(f"seed_demo --clients {clients}", seeded, SEED_GOAL_S)

    started = time.monotonic()
    run = recompute(trigger="bench")
    same = time.monotonic() - started
    timed(
        "recompute, nothing changed", same, RECOMPUTE_GOAL_S,
        f"({run.assessments} assessments, {run.changed} changed)",
    )  # fmt: skip
    if run.changed:
        print("  NOTE: seed_demo's summaries differ from a recomputation")

    Assessment.objects.update(summary={})
    started = time.monotonic()
    run = recompute(trigger="bench")
    changed = time.monotonic() - started
    timed(
        "recompute, every summary differs", changed, RECOMPUTE_GOAL_S,
        f"({run.assessments} assessments, {run.changed} changed, "
        f"{run.status_changes.count()} status changes)",
    )  # fmt: skip
    # The pages are measured on the database as seed_demo left it (the second pass wrote the
    # same summaries back), without the benchmark's passes and their 20,000 status changes.
    Recomputation.objects.filter(trigger="bench").delete()
    connections.close_all()  # the server takes over the database


def sign_in(port: int) -> Browser | None:
    """The demo admin's session; None (after saying why) when the login page is missing."""
    browser = Browser(port)
    status, _, page = browser.request("GET", "/accounts/login/")
    if status != 200:
        print(f"  GET /accounts/login/ answered {status}: the advisor pages cannot be measured yet")
        return None
    form = {
        "csrfmiddlewaretoken": browser.csrf_token(page),
        "username": ADMIN,
        "password": PASSWORD,
    }
    status, location, _ = browser.request("POST", "/accounts/login/", form)
    if status != 302 or "sessionid" not in browser.cookies:
        raise BenchError(f"signing in as {ADMIN} failed: POST /accounts/login/ answered {status}")
    print(f"  signed in as {ADMIN} (redirected to {location or '?'})")
    return browser


def available_pages(browser: Browser) -> list[Target]:
    """The advisor pages that answer 200 to the signed-in admin, as load targets."""
    targets = []
    for label, path in PAGES:
        status, location, _ = browser.request("GET", path)
        if status == 200:
            headers = {"Cookie": browser.cookie_header()}
            targets.append(Target(label, path, headers=headers, goal=PAGE_GOAL))
        else:
            where = f" to {location}" if location else ""
            print(f"  {path} answered {status}{where}: not available yet, not measured")
    return targets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=5000, help="clients (default 5000)")
    args, wrk = load_arguments(parser)
    return run_benchmark(
        lambda space: benchmark(space, args, wrk),
        prefix="careerpath-bench-advising-", name="Advisor benchmark",
        failed="Advisor benchmark FAILED",
    )  # fmt: skip


def benchmark(space: Workspace, args: argparse.Namespace, wrk: str | None) -> int:
    print(f"Advisor benchmark: {args.clients} clients, SQLite, production settings")
    sys.stdout.flush()
    env = server_env(space.tmp)
    setup_django(env)
    seed_and_recompute(args.clients)

    tool = f"wrk, {args.wrk_threads} thread(s)" if wrk else "Python, a process a connection"
    print(
        f"  gunicorn: {args.workers} sync workers x 1 thread; load from {tool}, "
        f"{args.concurrency} conns; rate limits OFF"
    )
    warn_without_wrk(args, wrk)
    sys.stdout.flush()
    port = space.serve(env, args.workers)
    browser = sign_in(port)
    targets = available_pages(browser) if browser else []
    if not targets:
        print("  no advisor page to measure")
        return 0
    trivial = Target("GET /robots.txt (trivial view)", "/robots.txt")
    trivial_runs, runs, ratios = measure_all(args, wrk, port, trivial, targets, space.tmp)
    report(trivial, targets, trivial_runs, runs, ratios)
    return 0


if __name__ == "__main__":
    sys.exit(main())
