"""HTTP benchmark: requests per second of the main pages, as ratios to a trivial view.

Run with `make bench` (after bench/engine.py) or `.venv/bin/python bench/web.py`. The script
builds a throwaway SQLite database in a temporary directory (migrate, createcachetable,
load_catalog, collectstatic into STATIC_ROOT), serves the site with gunicorn on loopback with
production settings (DEBUG off, a random secret key, no HTTPS redirect; rate limits off, or the
load would be refused with 429), then drives each endpoint from a separate process with wrk
(`apt-get install -y wrk`) or, without wrk, a pure-Python load generator:

- `GET /robots.txt`, the trivial view (no database work), measured between the rounds;
- `POST /api/assess` with the example profile of docs/profile-format.md;
- `GET /assess/results/` and `GET /assess/work/` (a form step) in a session that walked the
  wizard once with the same answers;
- `GET /plan/<token>/`, a saved plan.

Each endpoint gets a warm-up, then the endpoints take turns in rounds (trivial view, the four
endpoints, trivial view, ...), all at the same concurrency; every response must be 200 (the
script fails loudly otherwise). Throughput on one machine varies from run to run and within a
run, so each figure is a ratio to the trivial view measured just before and after it, and the
table shows the median over the rounds. The exit status is 0 when a goal is missed (this is a
measurement); it is non-zero only when the benchmark itself could not run.
"""

import argparse
import ast
import http.client
import json
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
HOST = "127.0.0.1"
MANAGEMENT = "assessment_wizard-current_step"
WRK_INSTALL = "apt-get install -y wrk (Debian/Ubuntu) or brew install wrk (macOS)"

# The wizard answers that make the example profile of docs/profile-format.md (as_of is the day
# of the run).
WIZARD_ANSWERS = {
    "licences": {
        "licences-entries-TOTAL_FORMS": "1", "licences-entries-INITIAL_FORMS": "0",
        "licences-entries-0-type": "rn", "licences-entries-0-active": "on",
        "licences-entries-0-good_standing": "on",
    },
    "education": {
        "education-entries-TOTAL_FORMS": "1", "education-entries-INITIAL_FORMS": "0",
        "education-entries-0-level": "bachelor", "education-entries-0-field": "nursing",
        "education-entries-0-accredited": "on", "education-credentials": ["crc"],
    },
    "work": {
        "work-entries-TOTAL_FORMS": "1", "work-entries-INITIAL_FORMS": "0",
        "work-entries-0-role": "nurse-case-manager", "work-entries-0-setting": "hospital",
        "work-entries-0-start": "2023-01-01", "work-entries-0-ongoing": "on",
        "work-entries-0-hours_per_week": "40", "work-entries-0-paid": "on",
        "work-entries-0-supervised": "on", "work-entries-0-supervisor_credentials": ["ccm"],
    },
    "training": {
        "training-entries-TOTAL_FORMS": "1", "training-entries-INITIAL_FORMS": "0",
        "training-entries-0-topic": "nursing-case-management",
        "training-entries-0-hours": "12", "training-entries-0-completed": "2025-06-01",
    },
    "about": {
        "about-references": "0", "about-attest_good-moral-character": "yes",
        "about-attest_cmc-core-functions": "no", "about-attest_ccctm-new-applications-open": "no",
    },
}  # fmt: skip


class BenchError(Exception):
    """The benchmark could not run (setup failed, a response was not 200, ...)."""


def spec_example() -> dict:
    """The example profile of docs/profile-format.md, from its one copy (tests/conftest.py),
    without pytest."""
    source = (REPO / "tests" / "conftest.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "SPEC_EXAMPLE" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise BenchError("tests/conftest.py no longer defines SPEC_EXAMPLE as a literal")


# --- the server -----------------------------------------------------------------------------


def server_env(tmp: Path) -> dict[str, str]:
    """Production settings, a throwaway database; every other DJANGO_* variable dropped."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_")) and k != "PYTHONPATH"
    }
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_RATELIMIT_ENABLE": "false",
        }
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise BenchError(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "careerpath.wsgi",
        "-b", f"{HOST}:{port}", "-w", str(workers), "--threads", "1",
    ]  # fmt: skip
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_until_up(server: subprocess.Popen, port: int, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited ({server.returncode}):\n{tail(log)}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/robots.txt")
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer within {timeout:.0f} s:\n{tail(log)}")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --- a browser-like client to walk the wizard once ------------------------------------------


def keep_cookies(cookies: dict[str, str], response: http.client.HTTPResponse) -> None:
    """Apply a response's Set-Cookie headers to `cookies`, as a browser does (an empty value
    or max-age 0 deletes the cookie)."""
    for raw in response.msg.get_all("Set-Cookie") or []:
        for name, morsel in SimpleCookie(raw).items():
            if morsel.value in ("", '""') or morsel["max-age"] == "0":
                cookies.pop(name, None)
            else:
                cookies[name] = morsel.value


class Browser:
    """Keeps cookies by hand: production cookies are Secure, and this is plain HTTP."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": self.cookie_header()} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            page = response.read().decode("utf-8", errors="replace")
            keep_cookies(self.cookies, response)
            location = urlsplit(response.getheader("Location") or "").path
            return response.status, location, page
        finally:
            conn.close()

    def csrf_token(self, page: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if found:
            return found.group(1)
        if "csrftoken" in self.cookies:
            return self.cookies["csrftoken"]
        raise BenchError("no CSRF token in the page or the cookies")

    def expect(self, method: str, path: str, status: int, form: dict | None = None):
        got, location, page = self.request(method, path, form)
        if got != status:
            raise BenchError(f"{method} {path}: expected {status}, got {got}\n{page[:2000]}")
        return location, page


def walk_wizard(port: int) -> tuple[str, str]:
    """Complete the assessment once and save the plan; the session cookie and the plan path."""
    browser = Browser(port)
    location, _ = browser.expect("GET", "/assess/", 302)
    for step, answers in WIZARD_ANSWERS.items():
        _, page = browser.expect("GET", f"/assess/{step}/", 200)
        form = {"csrfmiddlewaretoken": browser.csrf_token(page), MANAGEMENT: step, **answers}
        location, _ = browser.expect("POST", f"/assess/{step}/", 302, form)
    while location != "/assess/results/":  # /assess/finished/ stores the profile, redirects
        location, _ = browser.expect("GET", location, 302)
    _, page = browser.expect("GET", "/assess/results/", 200)
    if "Eligible now" not in page:
        raise BenchError("the results page does not show the SPEC example's results")
    form = {"csrfmiddlewaretoken": browser.csrf_token(page)}
    plan, _ = browser.expect("POST", "/assess/save/", 302, form)
    if not plan.startswith("/plan/"):
        raise BenchError(f"saving the plan redirected to {plan!r}")
    browser.expect("GET", plan, 200)  # shows (and so consumes) the "plan saved" message
    _, page = browser.expect("GET", "/assess/work/", 200)
    if 'value="2023-01-01"' not in page:
        raise BenchError("the work step does not show the saved answers")
    if "sessionid" not in browser.cookies:
        raise BenchError("the wizard set no session cookie")
    return browser.cookie_header(), plan


def check_api(port: int, body: bytes) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("POST", "/api/assess", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    if response.status != 200 or not json.loads(data).get("results"):
        raise BenchError(f"POST /api/assess: {response.status} {data[:2000]!r}")


# --- load ---------------------------------------------------------------------------------


@dataclass
class Target:
    label: str
    path: str
    method: str = "GET"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    goal: float | None = None


@dataclass
class Measure:
    requests: int
    seconds: float
    bad: int  # responses other than 200
    errors: int  # connection errors and timeouts
    first_bad: str
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


WRK_SCRIPT = """
wrk.method = "{method}"
wrk.body = [==[{body}]==]
{headers}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0; first_bad = "" end
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if first_bad == "" then first_bad = tostring(status) end
  end
end
function done(summary, latency, requests)
  local bad, first_bad = 0, ""
  for _, t in ipairs(threads) do
    bad = bad + t:get("bad")
    if first_bad == "" then first_bad = t:get("first_bad") end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH %d %d %d %d %d %d %s\\n", summary.requests, summary.duration, bad,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99),
    first_bad == "" and "-" or first_bad))
end
"""


def run_wrk(
    wrk: str, port: int, target: Target, seconds: float, concurrency: int, threads: int, tmp: Path
) -> Measure:
    script = tmp / "target.lua"
    headers = "\n".join(
        f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in target.headers.items()
    )
    body = target.body.decode()
    if "]==]" in body:
        raise BenchError("the request body cannot be quoted for wrk")
    script.write_text(WRK_SCRIPT.format(method=target.method, body=body, headers=headers))
    command = [
        wrk, "-t", str(min(threads, concurrency)), "-c", str(concurrency),
        "-d", f"{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(script),
        f"http://{HOST}:{port}{target.path}",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("BENCH ")), None)
    if done.returncode != 0 or line is None:
        raise BenchError(f"wrk failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    requests, micros, bad, errors, p50, p99, first_bad = line.split()[1:]
    return Measure(
        int(requests), int(micros) / 1e6, int(bad), int(errors),
        first_bad, int(p50) / 1000, int(p99) / 1000,
    )  # fmt: skip


def python_client(port, target, start_at, seconds, results) -> None:
    """One connection's loop (in its own process): count responses until time is up."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's clean-up handler
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    body = target.body or None
    count = bad = errors = 0
    first_bad = "-"
    latencies = []
    while time.monotonic() < start_at:
        time.sleep(0.001)
    end = start_at + seconds
    while (now := time.monotonic()) < end:
        try:
            conn.request(target.method, target.path, body=body, headers=target.headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            continue
        latencies.append(time.monotonic() - now)
        count += 1
        if response.status != 200:
            bad += 1
            first_bad = first_bad if first_bad != "-" else str(response.status)
        if response.will_close:
            conn.close()  # gunicorn's sync workers close every connection; reconnect
    conn.close()
    results.put((count, bad, errors, first_bad, latencies))


def run_python(port: int, target: Target, seconds: float, concurrency: int) -> Measure:
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start_at = time.monotonic() + 0.5
    workers = [
        context.Process(target=python_client, args=(port, target, start_at, seconds, results))
        for _ in range(concurrency)
    ]
    finished = False
    try:
        for worker in workers:
            worker.start()
        parts = [results.get(timeout=seconds + 30) for _ in workers]
        finished = True
    finally:
        for worker in workers:
            if finished:
                worker.join(timeout=10)  # each exits once its results are handed over
            if worker.is_alive():
                worker.terminate()
            worker.join()
    latencies = sorted(x for part in parts for x in part[4]) or [0.0]
    return Measure(
        requests=sum(p[0] for p in parts),
        seconds=seconds,
        bad=sum(p[1] for p in parts),
        errors=sum(p[2] for p in parts),
        first_bad=next((p[3] for p in parts if p[3] != "-"), "-"),
        p50_ms=statistics.median(latencies) * 1000,
        p99_ms=latencies[int(len(latencies) * 0.99) - 1 if len(latencies) > 1 else 0] * 1000,
    )


def run(args, wrk: str | None, port: int, target: Target, seconds: int, tmp: Path) -> Measure:
    """One stretch of load on one endpoint; a BenchError unless every response was 200."""
    if wrk:
        got = run_wrk(wrk, port, target, seconds, args.concurrency, args.wrk_threads, tmp)
    else:
        got = run_python(port, target, seconds, args.concurrency)
    if got.bad or got.errors or not got.requests:
        raise BenchError(
            f"{target.method} {target.path}: {got.bad} responses other than 200 "
            f"(first: {got.first_bad}), {got.errors} connection errors "
            f"out of {got.requests} requests"
        )
    return got


def measure_all(args, wrk, port, trivial: Target, targets: list[Target], tmp: Path):
    """Rounds T A B C T A B C ... T: each endpoint against the trivial view measured just
    before and just after its round, so a machine that speeds up or slows down during the run
    moves both sides of a ratio. The trivial view's measures; per target, measures and ratios.
    """
    for target in (trivial, *targets):
        run(args, wrk, port, target, args.warmup, tmp)
    trivial_runs = [run(args, wrk, port, trivial, args.seconds, tmp)]
    runs: dict[str, list[Measure]] = {t.label: [] for t in targets}
    ratios: dict[str, list[float]] = {t.label: [] for t in targets}
    for _ in range(args.rounds):
        this_round = [(t, run(args, wrk, port, t, args.seconds, tmp)) for t in targets]
        trivial_runs.append(run(args, wrk, port, trivial, args.seconds, tmp))
        reference = (trivial_runs[-2].rate + trivial_runs[-1].rate) / 2
        for target, got in this_round:
            runs[target.label].append(got)
            ratios[target.label].append(got.rate / reference)
    return trivial_runs, runs, ratios


# --- report -------------------------------------------------------------------------------


def report(trivial: Target, targets: list[Target], trivial_runs, runs, ratios) -> None:
    def rate(measures: list[Measure]) -> float:
        return statistics.median(m.rate for m in measures)

    def latency(measures: list[Measure]) -> str:
        p50 = statistics.median(m.p50_ms for m in measures)
        return f"{p50:>7.1f} {max(m.p99_ms for m in measures):>7.1f}"

    print(
        f"\n  {'endpoint':<36} {'req/s':>7} {'ratio':>6} {'(range)':<11} {'goal':>7} "
        f"{'result':<6} {'p50 ms':>7} {'p99 ms':>7}"
    )
    print(
        f"  {trivial.label:<36} {rate(trivial_runs):>7.1f} {1:>6.2f} {'':<11} {'':>7} "
        f"{'':<6} {latency(trivial_runs)}"
    )
    for target in targets:
        values = ratios[target.label]
        ratio = statistics.median(values)
        spread = f"({min(values):.2f}-{max(values):.2f})"
        goal = verdict = ""
        if target.goal is not None:
            goal, verdict = f">= {target.goal:.2f}", "pass" if ratio >= target.goal else "MISS"
        print(
            f"  {target.label:<36} {rate(runs[target.label]):>7.1f} {ratio:>6.2f} {spread:<11} "
            f"{goal:>7} {verdict:<6} {latency(runs[target.label])}"
        )
    trivial_rates = [m.rate for m in trivial_runs]
    swing = (max(trivial_rates) - min(trivial_rates)) / statistics.median(trivial_rates)
    print(
        "\n  req/s and ratio are medians over the rounds; each round's ratio divides by the mean"
        "\n  of the trivial view just before and just after it. Trivial view per stretch: "
        + ", ".join(f"{r:.0f}" for r in trivial_rates)
    )
    if swing > 0.25:
        print(
            f"  NOTE: the trivial view swung by {swing:.0%} during the run: the machine is busy"
            "\n  with something else and the figures are noisy; rerun on a quiet machine"
        )
    print("  every response was 200")


def load_arguments(parser: argparse.ArgumentParser) -> tuple[argparse.Namespace, str | None]:
    """The load options every HTTP benchmark takes; returns the arguments and wrk's path (None:
    the Python client)."""
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds (default 3)")
    parser.add_argument("--seconds", type=int, default=3, help="seconds per endpoint per round")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of warm-up per endpoint")
    parser.add_argument("--concurrency", type=int, default=8, help="open connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--wrk-threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--python-client", action="store_true", help="do not use wrk")
    args = parser.parse_args()

    wrk = None if args.python_client else shutil.which("wrk")
    return args, wrk


def warn_without_wrk(args, wrk: str | None) -> None:
    if not wrk:
        if not args.python_client:
            print(f"  wrk not found; install it for steadier figures: {WRK_INSTALL}")
        print("  the Python client competes with the server for CPU: its figures are lower")


def interrupted(signum, frame):
    raise KeyboardInterrupt


class Workspace:
    """A benchmark's throwaway directory and the gunicorn it serves from."""

    def __init__(self, prefix: str):
        self.tmp = Path(tempfile.mkdtemp(prefix=prefix))
        self.log = self.tmp / "gunicorn.log"
        self.server: subprocess.Popen | None = None
        # Called at the end; the directory is removed only if each returns True.
        self.cleanups: list[Callable[[], bool]] = []

    def serve(self, env: dict[str, str], workers: int) -> int:
        """Start gunicorn on a free port and wait until it answers; the port."""
        port = free_port()
        self.server = start_gunicorn(env, port, workers, self.log)
        wait_until_up(self.server, port, self.log)
        return port

    def stop_serving(self) -> None:
        stop(self.server)
        self.server = None


def run_benchmark(
    work: Callable[[Workspace], int], *, prefix: str, name: str, failed: str, status: int = 1
) -> int:
    """Run `work` in a new workspace and clean up however it ends (an error, Ctrl-C, or the
    SIGTERM of a CI timeout). A BenchError prints `failed` and gunicorn's last log lines and
    gives `status`; an interruption gives 130."""
    signal.signal(signal.SIGTERM, interrupted)
    space = Workspace(prefix)
    try:
        return work(space)
    except BenchError as failure:
        print(f"{failed}: {failure}", file=sys.stderr)
        if space.server is not None:
            print(f"gunicorn's log (last lines):\n{tail(space.log)}", file=sys.stderr)
        return status
    except KeyboardInterrupt:
        print(f"{name} interrupted", file=sys.stderr)
        return 130
    finally:
        stop(space.server)
        if all([cleanup() for cleanup in space.cleanups]):
            shutil.rmtree(space.tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args, wrk = load_arguments(parser)
    return run_benchmark(
        lambda space: benchmark(space, args, wrk),
        prefix="careerpath-bench-", name="HTTP benchmark", failed="HTTP benchmark FAILED",
    )  # fmt: skip


def benchmark(space: Workspace, args: argparse.Namespace, wrk: str | None) -> int:
    tool = f"wrk, {args.wrk_threads} thread(s)" if wrk else "Python, a process a connection"
    print("HTTP benchmark: gunicorn on loopback, production settings (DEBUG off), SQLite")
    print(f"  {args.workers} sync workers x 1 thread; load from {tool}, {args.concurrency} conns")
    print(f"  {args.warmup} s warm-up, then {args.rounds} rounds of {args.seconds} s an endpoint")
    print("  rate limits are OFF for the benchmark (DJANGO_RATELIMIT_ENABLE=false)")
    warn_without_wrk(args, wrk)
    sys.stdout.flush()
    env = server_env(space.tmp)
    started = time.monotonic()
    for command in (
        ["migrate", "--noinput"], ["createcachetable"], ["load_catalog"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):  # fmt: skip
        manage(env, *command)
    port = space.serve(env, args.workers)
    profile = json.dumps(spec_example()).encode()
    check_api(port, profile)
    cookies, plan = walk_wizard(port)
    setup_seconds = time.monotonic() - started

    html = {"Cookie": cookies}
    trivial = Target("GET /robots.txt (trivial view)", "/robots.txt")
    # The floors with plain Django templates (issue #15): API 0.4, results 0.12, a step 0.08.
    targets = [
        Target("POST /api/assess (the example profile)", "/api/assess", "POST", profile,
               {"Content-Type": "application/json"}, goal=0.4),
        Target("GET /assess/results/", "/assess/results/", headers=html, goal=0.12),
        Target("GET /assess/work/ (a form step)", "/assess/work/", headers=html, goal=0.08),
        Target("GET /plan/<token>/ (a saved plan)", plan, headers=html),
    ]  # fmt: skip

    print(f"  setup (database, catalog, static files, a wizard walk) {setup_seconds:.1f} s")
    sys.stdout.flush()

    trivial_runs, runs, ratios = measure_all(args, wrk, port, trivial, targets, space.tmp)
    report(trivial, targets, trivial_runs, runs, ratios)
    return 0


if __name__ == "__main__":
    sys.exit(main())
