"""Soak test: the site under mixed load survives a database restart and a killed worker.

Run with `make soak` or `.venv/bin/python bench/soak.py [--seconds 60]`. Not a unit test and
not a benchmark: a pass/fail check of how the production setup behaves when things break.

1. A private, throwaway PostgreSQL cluster (initdb into a temporary directory, run as the
   `postgres` OS user when the script runs as root, trust auth, 127.0.0.1 on a free port).
   The machine's shared server on 5432 is never touched. Torn down at the end, also on Ctrl-C.
2. Production settings (DEBUG off, a random secret key, no HTTPS redirect; rate limits off, or
   the load would be refused with 429; persistent connections as configured, 60 s by default):
   migrate, createcachetable, load_catalog, seed_demo --clients 200, collectstatic; gunicorn
   (careerpath.wsgi, sync workers) on loopback.
3. Mixed load from client threads for --seconds: POST /api/assess (the example of
   docs/profile-format.md), a saved plan's page, /advisor/ and /advisor/clients/ signed in as
   demo-admin, /robots.txt (no database), and writes: saving a public plan, adding a client,
   and saving that client's assessment through the advisor's five steps. Every write that got a
   success response is recorded and looked up in the database at the end. Meanwhile
   --contenders threads, signed in as demo-admin and demo-advisor (two members), save the same
   two clients' assessments at once through the advisor's update steps, posting what each step
   rendered with the hours a week of the first job changed, so that saves differ.
4. The recompute runs on the job queue: two Celery workers (bench/recompute.py's, the solo
   pool) against the cluster and a throwaway queue on the machine's RabbitMQ
   (CELERY_BROKER_URL, default amqp://guest:guest@127.0.0.1:5672//), in chunks of
   RECOMPUTE_CHUNK clients; a second organisation of RECOMPUTE_CLIENTS clients makes a pass
   take seconds. At a sixth of the run `manage.py load_catalog` imports a copy of the seeded
   catalog with one hours parameter raised (CHANGED_PARAMETER; the command queues the pass)
   and, once the pass has some chunks done and others to do, one Celery worker is killed with
   SIGKILL (its chunk goes back on the queue for the other); at half the run the seeded
   catalog is loaded back. At a third PostgreSQL restarts (pg_ctl restart -m fast; chunks
   meeting it are retried); at two thirds one gunicorn worker is killed with SIGKILL. After
   the load the soak waits for every queued pass to finish.
5. At the end every client with an assessment is evaluated afresh against the current catalog:
   summarise(evaluate(parse_profile(profile))) must equal the stored Assessment.summary, the
   Readiness rows (what the client list and the dashboard read) and soonest_on, and the current
   assessment must be the client's newest.

It fails (exit 1) when: a 5xx answers outside the restart window, a 5xx inside it is not a 503
with Retry-After, the first successful database-backed response comes more than 10 s after the
restart began, a connection fails other than around the killed worker, nothing is served in the
5 s after the kill or the master does not replace the worker, an acknowledged write is missing,
a catalog import fails, no Celery worker was killed during a pass, a pass does not finish
within PASSES_TIMEOUT_S, a concurrent save stops on an unexpected answer outside the restart
window, or a client's stored summary differs from the fresh evaluation. Exit 2: the soak itself
could not run (setup failed).
"""

import argparse
import glob
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPException
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH_DIR))

from recompute import DEFAULT_BROKER, delete_queue, start_workers, stop_workers  # noqa: E402
from web import (  # noqa: E402 - bench/web.py, the HTTP benchmark's helpers
    HOST,
    WIZARD_ANSWERS,
    BenchError,
    Workspace,
    free_port,
    keep_cookies,
    manage,
    run_benchmark,
    server_env,
    spec_example,
    tail,
    walk_wizard,
)

from tests.htmlforms import form_fields  # noqa: E402 - how a browser submits a form

ADMIN, PASSWORD = "demo-admin", "careerpath-demo"  # noqa: S105 - seed_demo's demo account
CLIENTS = 200
RECOVERY_LIMIT_S = 10.0
AFTER_KILL_S = 5.0
PREFERRED_PG_PORT = 55432
TIMEOUT_S = 30  # per request; gunicorn's own worker timeout is 30 s too
ADVISOR = "demo-advisor"  # a plain advisor; the contended clients are theirs, demo-admin sees all
# The catalog change under load: one hours parameter of one route (the example nurse of
# docs/profile-format.md is on it, so the contended clients' standing moves with it), raised
# by a year of full-time work.
CHANGED_PARAMETER = ("cmac", "bachelor-and-case-management", "experience", "hours")
CHANGED_BY = 2080
CONTENDED = 2  # clients whose assessment several threads save at once
# The recompute on the job queue: two Celery workers against the throwaway cluster and a
# throwaway queue on the machine's RabbitMQ; a second organisation's clients make a pass take
# seconds, so that one worker is killed (SIGKILL) in the middle of one.
CELERY_WORKERS = 2
RECOMPUTE_CLIENTS = 4000
RECOMPUTE_CHUNK = 200
PASSES_TIMEOUT_S = 180


# --- a private PostgreSQL cluster -----------------------------------------------------------


class PrivatePostgres:
    """initdb, pg_ctl start / restart / stop in a temporary directory; never the shared server."""

    def __init__(self, root: Path, port: int):
        self.bin = pg_bindir()
        self.root = root
        self.data = root / "data"
        self.log = root / "postgres.log"
        self.port = port
        self.started = False

    @property
    def url(self) -> str:
        return f"postgres://postgres@{HOST}:{self.port}/careerpath"

    def _run(self, *command: str, timeout: float = 120) -> None:
        # initdb and the server refuse to run as root: run them as the postgres OS user.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(
            [*prefix, *command], cwd=self.root, capture_output=True, text=True,
            timeout=timeout, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise BenchError(
                f"{Path(command[0]).name} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
                f"\npostgres.log:\n{tail(self.log)}"
            )

    def pg_ctl(self, *args: str) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), *args)

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--no-instructions",
        )  # fmt: skip
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\n# careerpath soak\nlisten_addresses = '{HOST}'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.root}'\nmax_connections = 50\n"
            )
        self.pg_ctl("-w", "-t", "60", "start")
        self.started = True
        self.psql("postgres", "CREATE DATABASE careerpath")

    def psql(self, database: str, sql: str) -> str:
        done = subprocess.run(
            [str(self.bin / "psql"), "-h", HOST, "-p", str(self.port), "-U", "postgres",
             "-d", database, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise BenchError(f"psql {sql!r} failed:\n{done.stderr}")
        return done.stdout

    def restart(self) -> None:
        """Fast shutdown (every connection dropped), start, and wait until it accepts them."""
        self.pg_ctl("-w", "-t", "60", "-m", "fast", "restart")

    def stop(self) -> bool:
        """Stop the server if it runs (a Ctrl-C may have reached it already); False if it
        still runs."""
        if not self.started:
            return True
        for mode in ("fast", "immediate"):
            try:
                self.pg_ctl("-w", "-t", "30", "-m", mode, "stop")
                break
            except (BenchError, subprocess.TimeoutExpired):
                continue
        self.started = (self.data / "postmaster.pid").exists()
        return not self.started


def pg_bindir() -> Path:
    """The newest PostgreSQL's binaries (Debian keeps them in /usr/lib/postgresql/<v>/bin)."""
    found = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin") if (Path(p) / "initdb").exists()),
        key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)] or [0],
    )
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise BenchError("no PostgreSQL server binaries (initdb): apt-get install -y postgresql")


def pick_port(preferred: int) -> int:
    with socket.socket() as sock:
        try:
            sock.bind((HOST, preferred))
            return preferred
        except OSError:
            return free_port()


# --- gunicorn's workers -------------------------------------------------------------------


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (gunicorn's workers under its master)."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry))
    return found


# --- what happened ------------------------------------------------------------------------


@dataclass
class Record:
    label: str
    sent: float
    done: float
    status: int | None  # None: the connection failed or timed out
    database: bool = True  # the response needs the database (all but /robots.txt)
    retry_after: bool = False
    error: str = ""


@dataclass
class Writes:
    """Writes that got a success response: what must be in the database at the end."""

    plans: list[str] = field(default_factory=list)  # tokens of saved plans
    clients: dict[int, str] = field(default_factory=dict)  # pk -> external id
    assessments: Counter = field(default_factory=Counter)  # client pk -> saved assessments
    lock: threading.Lock = field(default_factory=threading.Lock)


class Failed(Exception):
    """A request in a flow did not get the answer the flow needs; the flow stops there."""


class Agent:
    """One simulated user's connection and cookies; records every request it makes."""

    def __init__(self, port: int, records: list[Record], cookies: dict[str, str] | None = None):
        self.port = port
        self.records = records
        self.cookies = dict(cookies or {})

    def request(
        self, label: str, method: str, path: str, *, form: dict | None = None,
        json_body: bytes | None = None, database: bool = True,
    ) -> tuple[int, str, str]:  # fmt: skip
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif json_body is not None:
            body = json_body
            headers["Content-Type"] = "application/json"
        sent = time.monotonic()
        conn = HTTPConnection(HOST, self.port, timeout=TIMEOUT_S)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            page = response.read().decode("utf-8", errors="replace")
        except (OSError, HTTPException) as error:
            self.records.append(
                Record(label, sent, time.monotonic(), None, database, error=repr(error))
            )
            raise Failed(f"{method} {path}: {error!r}") from None
        finally:
            conn.close()
        self.records.append(
            Record(label, sent, time.monotonic(), response.status, database,
                   retry_after=response.getheader("Retry-After") is not None)
        )  # fmt: skip
        keep_cookies(self.cookies, response)
        return response.status, urlsplit(response.getheader("Location") or "").path, page

    def expect(self, status: int, label: str, method: str, path: str, **kwargs):
        got, location, page = self.request(label, method, path, **kwargs)
        if got != status:
            raise Failed(f"{method} {path}: {got}, not {status}")
        return location, page

    def csrf(self) -> dict[str, str]:
        return {"csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}


class LoadThread(threading.Thread):
    """Picks actions at random until told to stop: reads, the API, and writes."""

    def __init__(
        self,
        number: int,
        port: int,
        profile: bytes,
        public: tuple[str, str],
        writes: Writes,
        deadline: float,
        run_id: str,
    ):
        super().__init__(name=f"load-{number}", daemon=True)
        self.number = number
        self.records: list[Record] = []
        self.public = Agent(port, self.records, cookies=public_cookies(public[0]))
        self.plan = public[1]
        self.advisor = Agent(port, self.records)
        self.signed_in = False
        self.profile = profile
        self.writes = writes
        self.deadline = deadline
        self.run_id = run_id
        self.made = 0
        self.random = random.Random(number)  # noqa: S311 - a load mix, not a secret
        self.actions = [
            (self.api, 4), (self.plan_page, 3), (self.dashboard, 1), (self.client_list, 2),
            (self.robots, 1), (self.save_plan, 2), (self.new_client_assessed, 1),
        ]  # fmt: skip

    def run(self) -> None:
        functions, weights = zip(*self.actions, strict=True)
        while time.monotonic() < self.deadline:
            action = self.random.choices(functions, weights)[0]
            try:
                action()
            except Failed:
                time.sleep(0.05)  # the outage: do not spin; the next action tries again

    # reads

    def api(self) -> None:
        self.public.expect(200, "POST /api/assess", "POST", "/api/assess", json_body=self.profile)

    def plan_page(self) -> None:
        self.public.expect(200, "GET /plan/<token>/", "GET", self.plan)

    def robots(self) -> None:
        self.public.expect(
            200, "GET /robots.txt (no database)", "GET", "/robots.txt", database=False
        )

    def dashboard(self) -> None:
        self.sign_in()
        self.advisor.expect(200, "GET /advisor/", "GET", "/advisor/")

    def client_list(self) -> None:
        self.sign_in()
        self.advisor.expect(200, "GET /advisor/clients/", "GET", "/advisor/clients/")

    def sign_in(self) -> None:
        if self.signed_in:
            return
        self.advisor.cookies.clear()
        self.advisor.expect(200, "GET /accounts/login/", "GET", "/accounts/login/")
        form = {**self.advisor.csrf(), "username": ADMIN, "password": PASSWORD}
        self.advisor.expect(302, "POST /accounts/login/", "POST", "/accounts/login/", form=form)
        if "sessionid" not in self.advisor.cookies:
            raise Failed("signing in set no session cookie")
        self.signed_in = True

    # writes

    def save_plan(self) -> None:
        location, _ = self.public.expect(
            302, "POST /assess/save/ (write)", "POST", "/assess/save/", form=self.public.csrf()
        )
        if not location.startswith("/plan/"):
            raise Failed(f"saving a plan redirected to {location!r}")
        with self.writes.lock:
            self.writes.plans.append(location.split("/")[2])
        self.public.expect(200, "GET /plan/<token>/", "GET", location)  # the new plan's page

    def new_client_assessed(self) -> None:
        """Add a client, then save an assessment for them through the advisor's steps."""
        self.sign_in()
        self.made += 1
        external_id = f"soak-{self.run_id}-{self.number}-{self.made}"
        form = {
            **self.advisor.csrf(), "name": f"Soak Client {self.number}-{self.made}",
            "email": "", "external_id": external_id, "advisor": "", "notes": "soak test",
        }  # fmt: skip
        location, _ = self.advisor.expect(
            302, "POST /advisor/clients/new/ (write)", "POST", "/advisor/clients/new/", form=form
        )
        found = re.fullmatch(r"/advisor/clients/(\d+)/", location)
        if not found:
            raise Failed(f"adding a client redirected to {location!r}")
        pk = int(found.group(1))
        with self.writes.lock:
            self.writes.clients[pk] = external_id

        base = f"/advisor/clients/{pk}/assessment/"
        step_label = "GET|POST /advisor/clients/<pk>/assessment/<step>/"
        location, _ = self.advisor.expect(302, step_label, "GET", base)
        for step, answers in WIZARD_ANSWERS.items():
            _, page = self.advisor.expect(200, step_label, "GET", f"{base}{step}/")
            management = re.search(r'name="([^"]*-current_step)"', page)
            if not management:
                raise Failed(f"no management form on {base}{step}/")
            form = {**self.advisor.csrf(), management.group(1): step, **answers}
            location, _ = self.advisor.expect(302, step_label, "POST", f"{base}{step}/", form=form)
        label = "GET /advisor/clients/<pk>/assessment/finished/ (write)"
        location, _ = self.advisor.expect(302, label, "GET", location)
        if location != f"/advisor/clients/{pk}/":
            raise Failed(f"finishing the assessment redirected to {location!r}")
        with self.writes.lock:
            self.writes.assessments[pk] += 1


def enter_assessment(agent: Agent, pk: int, label: str, change) -> None:
    """Walk the advisor's steps for client `pk` as a browser does: post what each step
    rendered, after `change(step, fields)` edits it; the save is acknowledged at the end."""
    base = f"/advisor/clients/{pk}/assessment/"
    location, _ = agent.expect(302, label, "GET", base)
    for _ in range(10):  # five steps; a loop would be a bug, not a long wizard
        if location == f"{base}finished/":
            break
        if not location.startswith(base):
            raise Failed(f"a step redirected to {location!r}")
        _, page = agent.expect(200, label, "GET", location)
        fields = form_fields(page, "wizard-form")
        change(location.rstrip("/").rsplit("/", 1)[1], fields)
        location, _ = agent.expect(302, label, "POST", location, form=fields)
    location, _ = agent.expect(302, f"{label} finished (write)", "GET", f"{base}finished/")
    if location != f"/advisor/clients/{pk}/":
        raise Failed(f"finishing the assessment redirected to {location!r}")


def sign_in(agent: Agent, username: str) -> None:
    agent.cookies.clear()
    agent.expect(200, "GET /accounts/login/", "GET", "/accounts/login/")
    form = {**agent.csrf(), "username": username, "password": PASSWORD}
    agent.expect(302, "POST /accounts/login/", "POST", "/accounts/login/", form=form)
    if "sessionid" not in agent.cookies:
        raise Failed("signing in set no session cookie")


@dataclass
class Broken:
    """A save that stopped short for another reason than a 5xx or a failed connection."""

    record: Record  # the request whose answer stopped it
    account: str
    reason: str


class Contender(threading.Thread):
    """Saves the same few clients' assessments as other contenders do, at the same time:
    the advisor's update steps over HTTP, each save a different hours a week."""

    LABEL = "GET|POST contended client's assessment steps"

    def __init__(self, number: int, port: int, account: str, clients: list[int], deadline: float):
        super().__init__(name=f"contender-{number}", daemon=True)
        self.records: list[Record] = []
        self.agent = Agent(port, self.records)
        self.account = account
        self.clients = clients
        self.deadline = deadline
        self.signed_in = False
        self.saved = 0
        self.broken: list[Broken] = []
        self.random = random.Random(1000 + number)  # noqa: S311 - a load mix, not a secret

    def run(self) -> None:
        while time.monotonic() < self.deadline:
            try:
                if not self.signed_in:
                    sign_in(self.agent, self.account)
                    self.signed_in = True
                hours = str(self.random.randint(16, 40))  # so saves differ
                pk = self.random.choice(self.clients)
                enter_assessment(self.agent, pk, self.LABEL, hours_a_week(hours))
                self.saved += 1
            except Failed as failure:
                last = self.records[-1] if self.records else None
                # 5xx and failed connections are judged with the restart and the kill.
                if last is not None and last.status is not None and last.status < 500:
                    self.broken.append(Broken(last, self.account, str(failure)))
                time.sleep(0.05)


def hours_a_week(hours: str):
    """The one change a contender makes: the hours a week of the first job."""

    def change(step: str, fields: dict) -> None:
        if step == "work":
            fields["work-entries-0-hours_per_week"] = [hours]

    return change


def contended_clients(port: int, run_id: str) -> list[int]:
    """CONTENDED clients of demo-advisor, each assessed once with the answers of the example
    profile (docs/profile-format.md)."""
    agent = Agent(port, [])
    try:
        sign_in(agent, ADVISOR)
        pks = []
        for n in range(CONTENDED):
            _, page = agent.expect(200, "", "GET", "/advisor/clients/new/")
            form = form_fields(page, "client-form")
            form.update(
                {
                    "name": [f"Contended Client {n + 1}"],
                    "external_id": [f"soak-{run_id}-contended-{n + 1}"],
                }
            )
            location, _ = agent.expect(302, "", "POST", "/advisor/clients/new/", form=form)
            found = re.fullmatch(r"/advisor/clients/(\d+)/", location)
            if not found:
                raise Failed(f"adding a client redirected to {location!r}")
            pk = int(found.group(1))
            enter_assessment(
                agent,
                pk,
                "",
                lambda step, fields: fields.update(
                    {k: v if isinstance(v, list) else [v] for k, v in WIZARD_ANSWERS[step].items()}
                ),
            )
            pks.append(pk)
        return pks
    except Failed as failure:
        raise BenchError(f"setting up the contended clients: {failure}") from None


def public_cookies(header: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in header.split("; ") if "=" in part)


# --- the run ------------------------------------------------------------------------------


@dataclass
class Events:
    start: float = 0.0
    restart_began: float | None = None
    restart_done: float | None = None
    killed_at: float | None = None
    killed_pid: int | None = None
    respawned_after: float | None = None
    replacement_pid: int | None = None
    imports: list["Import"] = field(default_factory=list)
    celery_killed_at: float | None = None
    celery_killed_pid: int | None = None
    chunks_at_kill: tuple[int, int] | None = None  # (done, of) in the pass running then


@dataclass
class Import:
    """One `manage.py load_catalog` run during the load."""

    what: str
    began: float
    done: float
    returncode: int
    output: str


def modified_catalog(tmp: Path) -> tuple[Path, int, int]:
    """A copy of the seeded catalog with CHANGED_PARAMETER raised; (path, before, after)."""
    from eligibility.snapshot import SEED_PATH

    data = json.loads(SEED_PATH.read_text(encoding="utf-8"))
    cert, option, condition, name = CHANGED_PARAMETER
    params = next(
        k["params"]
        for c in data["certifications"] if c["code"] == cert
        for g in c["groups"] for o in g["options"] if o["code"] == option
        for k in o["conditions"] if k["code"] == condition
    )  # fmt: skip
    before = params[name]
    params[name] = before + CHANGED_BY
    path = tmp / "catalog-changed.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path, before, params[name]


def import_catalog(env: dict[str, str], events: Events, what: str, *files: str) -> None:
    """`manage.py load_catalog [FILE]` against the soak's database while the load runs; the
    command recomputes every summary before it exits."""
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "manage.py", "load_catalog", *files],
        cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    record = Import(
        what, began, time.monotonic(), done.returncode, (done.stdout + done.stderr).strip()
    )
    events.imports.append(record)
    last = record.output.splitlines()[-1] if record.output else "(no output)"
    print(
        f"  {began - events.start:5.1f} s  load_catalog {what} "
        f"({record.done - began:.2f} s, exit {done.returncode}): {last}"
    )
    sys.stdout.flush()


def drive(args, port: int, server: subprocess.Popen, pg: PrivatePostgres, profile: bytes,
          public: tuple[str, str], writes: Writes, env: dict[str, str], changed: Path,
          contended: list[int], run_id: str,
          celery: list[subprocess.Popen]) -> tuple[list, Events]:  # fmt: skip
    events = Events(start=time.monotonic())
    deadline = events.start + args.seconds
    threads = [
        LoadThread(n, port, profile, public, writes, deadline, run_id) for n in range(args.threads)
    ]
    # Two members (the admin and the client's advisor) save the same clients at once.
    threads += [
        Contender(n, port, (ADMIN, ADVISOR)[n % 2], contended, deadline)
        for n in range(args.contenders)
    ]
    for thread in threads:
        thread.start()

    time.sleep(max(0.0, events.start + args.seconds / 6 - time.monotonic()))
    import_catalog(env, events, "with one hours parameter changed", str(changed))

    kill_worker_mid_pass(celery, events, before=events.start + args.seconds / 3 - 1)

    time.sleep(max(0.0, events.start + args.seconds / 3 - time.monotonic()))
    events.restart_began = time.monotonic()
    pg.restart()
    events.restart_done = time.monotonic()
    print(
        f"  {events.restart_began - events.start:5.1f} s  PostgreSQL restarted "
        f"(pg_ctl restart -m fast: {events.restart_done - events.restart_began:.2f} s)"
    )
    sys.stdout.flush()

    time.sleep(max(0.0, events.start + args.seconds / 2 - time.monotonic()))
    import_catalog(env, events, "the seeded catalog back")

    time.sleep(max(0.0, events.start + 2 * args.seconds / 3 - time.monotonic()))
    workers = children(server.pid)
    if not workers:
        raise BenchError("gunicorn has no workers to kill")
    events.killed_pid = min(workers)
    os.kill(events.killed_pid, signal.SIGKILL)
    events.killed_at = time.monotonic()
    print(f"  {events.killed_at - events.start:5.1f} s  SIGKILL to worker {events.killed_pid}")
    sys.stdout.flush()
    while time.monotonic() < events.killed_at + 15:
        now = children(server.pid)
        new = now - workers
        if events.killed_pid not in now and new and len(now) >= len(workers):
            events.respawned_after = time.monotonic() - events.killed_at
            events.replacement_pid = min(new)
            break
        time.sleep(0.05)

    for thread in threads:
        thread.join(timeout=deadline - time.monotonic() + TIMEOUT_S + 5)
    return threads, events


def running_pass() -> tuple[int, int] | None:
    """(chunks done, chunks) of the newest pass while it runs; None before it starts or once
    it finished. The database may be restarting: then None too."""
    from django.db import DatabaseError, connection

    from advising.models import Recomputation

    try:
        run = Recomputation.objects.filter(finished__isnull=True).first()
        return (len(run.chunks_done), run.chunks) if run is not None else None
    except DatabaseError:
        connection.close()
        return None


def kill_worker_mid_pass(celery: list[subprocess.Popen], events: Events, before: float) -> None:
    """SIGKILL one Celery worker once the pass the import queued has some chunks done and
    others to do (its chunk in hand goes back on the queue for the other worker)."""
    while time.monotonic() < before:
        progress = running_pass()
        if progress is not None and 0 < progress[0] < progress[1]:
            victim = celery[0]
            os.kill(victim.pid, signal.SIGKILL)
            events.celery_killed_at, events.celery_killed_pid = time.monotonic(), victim.pid
            events.chunks_at_kill = progress
            print(
                f"  {events.celery_killed_at - events.start:5.1f} s  SIGKILL to Celery worker "
                f"{victim.pid} with {progress[0]} of {progress[1]} chunks of the pass done"
            )
            return
        time.sleep(0.05)
    print("  no recompute was running to kill a Celery worker in")


def wait_for_passes(expected: int) -> list[str]:
    """Wait until `expected` passes exist and all have finished; why not, if they did not."""
    from django.db import DatabaseError, connection

    from advising.models import Recomputation

    deadline = time.monotonic() + PASSES_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            runs = list(Recomputation.objects.all())
        except DatabaseError:
            connection.close()
            runs = []
        if len(runs) >= expected and all(r.finished for r in runs):
            return []
        time.sleep(0.2)
    unfinished = [f"pass {r.pk} ({r.trigger}): {len(r.chunks_done)} of {r.chunks} chunks"
                  for r in runs if not r.finished]  # fmt: skip
    return unfinished or [f"{len(runs)} passes recorded, {expected} expected"]


def setup_django(env: dict[str, str]) -> None:
    """Django in this process, on the soak's database (to follow the passes, check writes)."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "careerpath.settings"
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


def verify_writes(env: dict[str, str], writes: Writes) -> tuple[dict[str, tuple[int, int]], list]:
    """Each acknowledged write looked up through the ORM: {kind: (acknowledged, found)}."""
    from django.db import connections

    from advising.models import Assessment, Client
    from eligibility.plans import find_plan

    missing = []
    found_plans = [token for token in writes.plans if find_plan(token) is not None]
    missing += [f"saved plan /plan/{t[:6]}…/" for t in set(writes.plans) - set(found_plans)]

    found_clients = dict(
        Client.objects.filter(pk__in=writes.clients).values_list("pk", "external_id")
    )
    missing += [
        f"client {pk} ({ext})" for pk, ext in writes.clients.items() if found_clients.get(pk) != ext
    ]

    # Each acknowledged assessment is a row of that client, and the client points at one.
    rows = Counter(
        Assessment.objects.filter(
            client_id__in=writes.assessments, source=Assessment.BY_ADVISOR
        ).values_list("client_id", flat=True)
    )
    current = set(
        Client.objects.filter(pk__in=writes.assessments, assessment__isnull=False).values_list(
            "pk", flat=True
        )
    )
    found_assessments = 0
    for pk, acknowledged in writes.assessments.items():
        found = min(rows[pk], acknowledged) if pk in current else 0
        found_assessments += found
        if found < acknowledged:
            missing.append(f"assessment of client {pk} ({found} of {acknowledged} found)")
    connections.close_all()
    figures = {
        "saved plans (POST /assess/save/)": (len(writes.plans), len(found_plans)),
        "new clients (POST /advisor/clients/new/)": (len(writes.clients), len(found_clients)),
        "client assessments (advisor's five steps)": (
            sum(writes.assessments.values()),
            found_assessments,
        ),
    }
    return figures, missing


@dataclass
class Consistency:
    """Every client's stored summary against a fresh evaluation under the current catalog."""

    clients: int = 0
    need_review: int = 0  # the profile no longer parses: kept as it was (the recompute's rule)
    older_rules: int = 0  # assessments marked with another catalog version than the current
    mismatches: list[str] = field(default_factory=list)
    contended: dict[int, tuple[int, int]] = field(default_factory=dict)  # pk -> (rows, current)
    passes: list[str] = field(default_factory=list)  # the recomputations and catalog changes
    unfinished: list[str] = field(default_factory=list)  # passes that did not finish


def check_summaries(contended: list[int]) -> Consistency:
    """For each client with an assessment: its Assessment.summary, its Readiness rows (what the
    client list and the dashboard read) and soonest_on equal what summarise(evaluate(...))
    gives now for the current assessment's profile against the current catalog; and the
    current assessment is the client's newest. Runs in verify_writes's Django setup."""
    from collections import defaultdict

    from django.db import connections
    from django.db.models import Max

    from advising.models import Assessment, Client, Readiness
    from advising.summaries import readiness_rows, soonest, summarise
    from eligibility.catalog import get_snapshot
    from eligibility.engine import evaluate
    from eligibility.profile import ProfileError, parse_profile

    snapshot = get_snapshot()
    result = Consistency()
    stored_rows = defaultdict(dict)
    for row in Readiness.objects.values_list(
        "client_id", "certification", "status", "eligible_on", "blocker", "detail"
    ):
        stored_rows[row[0]][row[1]] = row[2:]
    newest = dict(
        Assessment.objects.values("client_id")
        .annotate(last=Max("pk"))
        .values_list("client_id", "last")
    )
    clients = Client.objects.filter(assessment__isnull=False).select_related("assessment")
    for client in clients.order_by("pk"):
        result.clients += 1
        assessment = client.assessment
        if assessment.catalog_version != snapshot.version:
            result.older_rules += 1
        try:
            fresh = summarise(evaluate(parse_profile(assessment.profile, snapshot), snapshot))
        except ProfileError:
            result.need_review += 1
            continue
        expected_rows = {
            r.certification: (r.status, r.eligible_on, r.blocker, r.detail)
            for r in readiness_rows(client.pk, fresh)
        }
        wrong = []
        if assessment.summary != fresh:
            codes = [c for c in fresh if assessment.summary.get(c) != fresh[c]]
            code = codes[0] if codes else next(iter(assessment.summary), "")
            stored, now = assessment.summary.get(code, {}), fresh.get(code, {})
            wrong.append(
                f"summary ({len(codes)} certifications; {code}: stored "
                f"{stored.get('status')} {stored.get('eligible_on')}, fresh "
                f"{now.get('status')} {now.get('eligible_on')})"
            )
        if stored_rows[client.pk] != expected_rows:
            wrong.append("Readiness rows")
        if client.soonest_on != soonest(fresh, assessment.profile["as_of"]):
            wrong.append(f"soonest_on {client.soonest_on}")
        if newest.get(client.pk) != assessment.pk:
            wrong.append(f"current assessment {assessment.pk}, newest {newest.get(client.pk)}")
        if wrong:
            same = "current" if assessment.catalog_version == snapshot.version else "older"
            result.mismatches.append(
                f"client {client.pk} ({client.name}): "
                + "; ".join(wrong)
                + f"; assessment {assessment.pk} computed {assessment.computed_at:%H:%M:%S.%f}"
                f" under the {same} catalog version"
            )
    from advising.models import Recomputation
    from eligibility.models import CatalogRevision

    for run in Recomputation.objects.order_by("started"):
        took = f"{(run.finished - run.started).total_seconds():.1f} s" if run.finished else "-"
        result.passes.append(
            f"recompute ({run.trigger}) {run.started:%H:%M:%S.%f}, {took}: {run.chunks} chunks, "
            f"{run.assessments} assessments, {run.changed} changed"
        )
    revision = CatalogRevision.objects.filter(pk=1).first()
    if revision is not None:
        result.passes.append(f"catalog last changed {revision.changed_at:%H:%M:%S.%f}")
    for pk in contended:
        result.contended[pk] = (
            Assessment.objects.filter(client_id=pk).count(),
            Client.objects.get(pk=pk).assessment_id,
        )
    connections.close_all()
    return result


# --- the figures ----------------------------------------------------------------------------


def ok(record: Record) -> bool:
    return record.status is not None and 200 <= record.status < 400


def report(args, records: list[Record], events: Events, writes_found, missing,
           contenders: list[Contender], consistency: Consistency) -> list[str]:  # fmt: skip
    """Print the figures; return the reasons the soak failed (empty: it passed)."""
    failures = []
    end = max((r.done for r in records), default=events.start)
    print(f"\n  requests: {len(records)} in {end - events.start:.1f} s")
    print(f"  {'endpoint':<52} {'total':>6} {'2xx/3xx':>8} {'4xx':>5} {'5xx':>5} {'conn':>5}")
    by_label: dict[str, list[Record]] = {}
    for record in records:
        by_label.setdefault(record.label, []).append(record)
    for label, group in sorted(by_label.items(), key=lambda item: -len(item[1])):
        codes = [r.status for r in group]
        print(
            f"  {label:<52} {len(group):>6} {sum(ok(r) for r in group):>8} "
            f"{sum(1 for c in codes if c and 400 <= c < 500):>5} "
            f"{sum(1 for c in codes if c and c >= 500):>5} {codes.count(None):>5}"
        )
    statuses = Counter(r.status for r in records)
    print(
        "  responses by status: "
        + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items(), key=lambda x: x[0] or 0) if s)
        + (f", connection failed: {statuses[None]}" if statuses[None] else "")
    )

    # The database restart: the window runs from the restart until the first successful
    # database-backed response to a request sent once PostgreSQL accepted connections again.
    began, back = events.restart_began, events.restart_done
    after = [r.done for r in records if r.database and ok(r) and r.sent >= back]
    recovered = min(after) if after else None
    window_end = recovered if recovered is not None else end

    def in_window(record: Record) -> bool:
        return record.sent <= window_end and record.done >= began

    errors_5xx = [r for r in records if r.status and r.status >= 500]
    inside = [r for r in errors_5xx if in_window(r)]
    outside = [r for r in errors_5xx if not in_window(r)]
    polite = [r for r in inside if r.status == 503 and r.retry_after]
    print(
        f"\n  database restart at {began - events.start:.1f} s "
        f"(pg_ctl restart -m fast took {back - began:.2f} s)"
    )
    print(
        f"    5xx during the restart window: {len(inside)} "
        f"({len(polite)} are 503 with Retry-After, {len(inside) - len(polite)} other"
        + (f": {dict(Counter(r.status for r in inside if r not in polite))}" if len(inside)
           - len(polite) else "") + ")"
    )  # fmt: skip
    served = sum(1 for r in records if ok(r) and began <= r.done <= window_end)
    print(f"    responses 2xx/3xx during the window: {served}")
    if recovered is None:
        print("    recovery: no successful database-backed response after the restart   FAIL")
        failures.append("the site did not recover after the database restart")
    else:
        recovery = recovered - began
        verdict = "pass" if recovery <= RECOVERY_LIMIT_S else "FAIL"
        print(
            f"    recovery: first successful database-backed response {recovery:.2f} s after "
            f"the restart began ({recovered - back:.2f} s after PostgreSQL accepted connections)"
            f"   limit {RECOVERY_LIMIT_S:.0f} s   {verdict}"
        )
        if recovery > RECOVERY_LIMIT_S:
            failures.append(f"recovery took {recovery:.1f} s (limit {RECOVERY_LIMIT_S:.0f} s)")
    if len(polite) != len(inside):
        failures.append(
            f"{len(inside) - len(polite)} 5xx in the restart window were not 503 with Retry-After"
        )
    verdict = "pass" if not outside else "FAIL"
    print(f"  5xx outside the restart window: {len(outside)}   {verdict}")
    for record in outside[:10]:
        print(f"    {record.status} {record.label} at {record.sent - events.start:.2f} s")
    if outside:
        failures.append(f"{len(outside)} 5xx outside the restart window")

    # The killed worker.
    killed = events.killed_at
    served_after = sum(1 for r in records if ok(r) and killed < r.done <= killed + AFTER_KILL_S)
    verdict = "pass" if served_after else "FAIL"
    print(
        f"\n  worker {events.killed_pid} killed (SIGKILL) at {killed - events.start:.1f} s: "
        f"{served_after} requests served 2xx/3xx in the next {AFTER_KILL_S:.0f} s   {verdict}"
    )
    if not served_after:
        failures.append("nothing was served after the worker was killed")
    if events.respawned_after is None:
        print("    the master did not start a replacement within 15 s   FAIL")
        failures.append("gunicorn did not replace the killed worker")
    else:
        print(
            f"    the master started a replacement (pid {events.replacement_pid}) "
            f"{events.respawned_after:.2f} s after the kill   pass"
        )

    failed = [r for r in records if r.status is None]
    near_kill = [r for r in failed if r.done >= killed and r.sent <= killed + 0.5]
    elsewhere = [r for r in failed if r not in near_kill]
    verdict = "pass" if not elsewhere else "FAIL"
    print(
        f"  connection errors: {len(failed)} ({len(near_kill)} in flight on the killed worker, "
        f"{len(elsewhere)} elsewhere)   {verdict}"
    )
    for record in elsewhere[:10]:
        print(f"    {record.label} at {record.sent - events.start:.2f} s: {record.error}")
    if elsewhere:
        failures.append(f"{len(elsewhere)} connection errors away from the killed worker")

    print("\n  writes acknowledged vs found in the database:")
    for kind, (acknowledged, found) in writes_found.items():
        print(f"    {kind:<44} {acknowledged:>5} acknowledged {found:>5} found")
    verdict = "pass" if not missing else "FAIL"
    print(f"    missing: {len(missing)}   {verdict}")
    for item in missing[:10]:
        print(f"      {item}")
    if missing:
        failures.append(f"{len(missing)} acknowledged writes missing")
    if not any(acknowledged for acknowledged, _ in writes_found.values()):
        failures.append("no write was acknowledged at all")

    print("\n  catalog imports during the load (manage.py load_catalog, which queues a pass):")
    for item in events.imports:
        verdict = "pass" if item.returncode == 0 else "FAIL"
        print(
            f"    {item.began - events.start:5.1f} s  {item.what}: "
            f"{item.done - item.began:.2f} s, exit {item.returncode}   {verdict}"
        )
        for line in item.output.splitlines()[-3:]:
            print(f"      {line}")
        if item.returncode != 0:
            failures.append(f"load_catalog {item.what} failed (exit {item.returncode})")

    print(
        f"\n  the recompute on the job queue ({CELERY_WORKERS} Celery workers, RabbitMQ, chunks "
        f"of {RECOMPUTE_CHUNK} clients):"
    )
    if events.celery_killed_at is None:
        print("    no worker was killed during a pass   FAIL")
        failures.append("no Celery worker was killed in the middle of a recompute")
    else:
        done, of = events.chunks_at_kill
        print(
            f"    worker {events.celery_killed_pid} killed (SIGKILL) at "
            f"{events.celery_killed_at - events.start:.1f} s, {done} of {of} chunks done   pass"
        )
    for line in consistency.passes:
        print(f"    {line}")
    verdict = "pass" if not consistency.unfinished else "FAIL"
    print(f"    passes not finished {PASSES_TIMEOUT_S} s after the load: "
          f"{len(consistency.unfinished)}   {verdict}")  # fmt: skip
    for item in consistency.unfinished:
        print(f"      {item}")
    if consistency.unfinished:
        failures.append("a recompute did not finish: " + "; ".join(consistency.unfinished))

    saved = sum(c.saved for c in contenders)
    accounts = ", ".join(sorted({c.account for c in contenders}))
    print(
        f"\n  concurrent saves of the same {len(consistency.contended)} clients: {saved} saves "
        f"acknowledged from {len(contenders)} threads ({accounts})"
    )
    for pk, (rows, current) in consistency.contended.items():
        print(f"    client {pk}: {rows} assessments recorded, current {current}")
    broken = [b for c in contenders for b in c.broken]
    # A session saved while the database is down answers 400 (Django's SessionInterrupted).
    unexplained = [b for b in broken if not in_window(b.record)]
    verdict = "pass" if not unexplained else "FAIL"
    print(
        f"    saves stopped by an unexpected answer (not 5xx): {len(broken)}, "
        f"{len(unexplained)} outside the restart window   {verdict}"
    )
    for item in unexplained[:10]:
        print(f"      {item.record.sent - events.start:.2f} s {item.account}: {item.reason}")
    if unexplained:
        failures.append(f"{len(unexplained)} concurrent saves stopped by an unexpected answer")
    if contenders and not saved:
        failures.append("no concurrent save was acknowledged")

    c = consistency
    print(
        f"\n  stored summaries vs a fresh evaluation against the current catalog: "
        f"{c.clients} clients with an assessment, {c.need_review} need review (not compared), "
        f"{c.older_rules} marked with an older catalog version"
    )
    verdict = "pass" if not c.mismatches else "FAIL"
    print(
        f"    mismatches (summary, Readiness rows, soonest date, newest assessment): "
        f"{len(c.mismatches)}   {verdict}"
    )
    for item in c.mismatches[:10]:
        print(f"      {item}")
    if c.mismatches:
        failures.append(
            f"{len(c.mismatches)} clients' stored summaries differ from a fresh evaluation"
        )
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--threads", type=int, default=6, help="client threads (default 6)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument(
        "--contenders",
        type=int,
        default=4,
        help="threads saving the same clients at once (default 4)",
    )
    args = parser.parse_args()
    if args.seconds < 15:
        parser.error("--seconds must be at least 15 (restart at 1/3, kill at 2/3, 5 s after)")
    sys.stdout.reconfigure(line_buffering=True)
    return run_benchmark(
        lambda space: soak(space, args),
        prefix="careerpath-soak-", name="Soak", failed="Soak could not run", status=2,
    )  # fmt: skip


def soak(space: Workspace, args: argparse.Namespace) -> int:
    pg = PrivatePostgres(space.tmp, pick_port(PREFERRED_PG_PORT))
    space.cleanups.append(lambda: stopped(pg))
    print(
        f"Soak: {args.seconds} s of mixed load from {args.threads} threads; gunicorn "
        f"{args.workers} sync workers; private PostgreSQL ({pg.bin.parent.name}) on "
        f"{HOST}:{pg.port}\n  production settings (DEBUG off), rate limits OFF, "
        f"{CLIENTS} seeded clients; DB restart at {args.seconds / 3:.0f} s, "
        f"worker kill at {2 * args.seconds / 3:.0f} s"
    )
    started = time.monotonic()
    pg.start()
    env = server_env(space.tmp)
    queue = f"careerpath-soak-{secrets.token_hex(4)}"
    env.update({
        "DATABASE_URL": pg.url, "CAREERPATH_RECOMPUTE": "queue", "CAREERPATH_QUEUE": queue,
        "CAREERPATH_RECOMPUTE_CHUNK": str(RECOMPUTE_CHUNK),
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", DEFAULT_BROKER),
    })  # fmt: skip
    for command in (
        ["migrate", "--noinput"], ["createcachetable"], ["load_catalog"],
        ["seed_demo", "--clients", str(CLIENTS), "--allow-without-debug"],
        ["seed_demo", "--clients", str(RECOMPUTE_CLIENTS), "--organisation-slug", "bulk",
         "--allow-without-debug"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):  # fmt: skip
        manage(env, *command)
    setup_django(env)
    space.cleanups.insert(0, lambda: delete_queue(queue))
    celery = start_workers(env, CELERY_WORKERS, space.tmp)
    space.cleanups.insert(0, lambda: stop_workers(celery) or True)
    port = space.serve(env, args.workers)
    profile = json.dumps(spec_example()).encode()
    public = walk_wizard(port)  # a session with answers, and a saved plan

    run_id = secrets.token_hex(3)
    contended = contended_clients(port, run_id)
    changed, before, after = modified_catalog(space.tmp)
    print(
        f"  setup (cluster, migrate, catalog, seed, static, a wizard walk, {CONTENDED} contended "
        f"clients) {time.monotonic() - started:.1f} s"
    )
    print(
        f"  catalog change under load: {'/'.join(CHANGED_PARAMETER)} {before} -> {after} at "
        f"{args.seconds / 6:.0f} s, back at {args.seconds / 2:.0f} s"
    )

    writes = Writes()
    threads, events = drive(
        args,
        port,
        space.server,
        pg,
        profile,
        public,
        writes,
        env,
        changed,
        contended,
        run_id,
        celery,
    )
    space.stop_serving()
    # The imports queued a pass each: let the workers finish before comparing the summaries.
    unfinished = wait_for_passes(sum(1 for i in events.imports if "workers" in i.output))
    stop_workers(celery)
    records = sorted((r for t in threads for r in t.records), key=lambda r: r.sent)
    writes_found, missing = verify_writes(env, writes)
    consistency = check_summaries(contended)
    consistency.unfinished = unfinished
    contenders = [t for t in threads if isinstance(t, Contender)]
    failures = report(args, records, events, writes_found, missing, contenders, consistency)
    if failures:
        print("\nSOAK FAILED: " + "; ".join(failures))
        print(f"gunicorn's log (last lines):\n{tail(space.log)}")
        return 1
    print("\nSOAK PASSED")
    return 0


def stopped(pg: "PrivatePostgres") -> bool:
    """Stop the private cluster; keep its directory (and say so) if it would not stop."""
    if pg.stop():
        return True
    print(f"PostgreSQL did not stop: {pg.bin}/pg_ctl -D {pg.data} stop", file=sys.stderr)
    return False


if __name__ == "__main__":
    sys.exit(main())
