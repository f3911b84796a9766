"""The container, checked without Docker: the compose file against the Compose spec, the
Dockerfile's promises, and a container start simulated from the build context
(.dockerignore applied): collectstatic, deploy/entrypoint.sh, gunicorn and the healthcheck."""

import http.client
import importlib.util
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from .production import BIN, ROOT, production_env, run

DOCKERFILE = ROOT / "Dockerfile"
# Building and starting the image takes tens of seconds: not part of the quick run.
pytestmark = pytest.mark.slow


def compose() -> dict:
    return YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's (INSTRUCTION, arguments), continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def exec_form(instruction: str) -> list[str]:
    (args,) = [json.loads(a) for i, a in instructions() if i == instruction]
    return args


# --- the compose file ------------------------------------------------------------------------


def test_the_compose_file_follows_the_compose_spec():
    checker = BIN / "check-jsonschema"
    result = run(
        [str(checker), "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"], env=None
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_web_service_waits_for_a_healthy_database_and_listens_on_localhost_only():
    services = compose()["services"]
    db, web = services["db"], services["web"]
    assert db["image"] == "postgres:16"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert db["volumes"] == ["pgdata:/var/lib/postgresql/data"]
    assert "pgdata" in compose()["volumes"]
    assert "ports" not in db  # PostgreSQL is reachable from the web service only
    assert web["build"] == "."
    assert web["depends_on"]["db"] == {"condition": "service_healthy"}
    assert web["ports"] == ["127.0.0.1:8000:8000"]
    assert web["healthcheck"]["test"] == ["CMD", "python", "deploy/healthcheck.py"]
    assert web["env_file"] == db["env_file"] == "deploy/careerpath.env"


def test_a_worker_runs_the_job_queue_next_to_the_web_service():
    services = compose()["services"]
    rabbitmq, worker = services["rabbitmq"], services["worker"]
    assert rabbitmq["image"].startswith("rabbitmq:")
    assert "ports" not in rabbitmq  # the broker is reachable from the services only
    assert "rabbitmq" in compose()["volumes"]  # queued tasks survive a restart
    assert worker["image"] == services["web"]["image"]
    assert worker["command"][:4] == ["celery", "-A", "careerpath", "worker"]
    assert worker["env_file"] == "deploy/careerpath.env"
    for service in ("web", "worker"):
        assert services[service]["depends_on"]["rabbitmq"] == {"condition": "service_healthy"}


# --- the Dockerfile ----------------------------------------------------------------------


def test_the_image_runs_gunicorn_as_a_user_who_is_not_root():
    steps = instructions()
    assert steps[0] == ("FROM", "python:3.11-slim")
    users = [args for i, args in steps if i == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert [i for i, _ in steps].index("USER") < [i for i, _ in steps].index("CMD")
    assert exec_form("CMD")[:4] == ["gunicorn", "careerpath.wsgi", "--bind", "0.0.0.0:8000"]
    assert exec_form("ENTRYPOINT") == ["sh", "/app/deploy/entrypoint.sh"]
    assert ("EXPOSE", "8000") in steps


def test_the_image_installs_the_project_collects_static_files_and_checks_its_health():
    runs = " ".join(args for i, args in instructions() if i == "RUN")
    assert "pip install" in runs and "--no-deps ." in runs
    assert "manage.py collectstatic --noinput" in runs
    healthcheck = next(args for i, args in instructions() if i == "HEALTHCHECK")
    assert healthcheck.endswith('CMD ["python", "deploy/healthcheck.py"]')


def test_no_secret_is_baked_into_the_image():
    envs = " ".join(args for i, args in instructions() if i in ("ENV", "ARG"))
    assert "SECRET" not in envs and "PASSWORD" not in envs


def test_the_entrypoint_is_valid_shell():
    assert run(["sh", "-n", "deploy/entrypoint.sh"], env=None).returncode == 0


# --- the healthcheck script ------------------------------------------------------------------


def healthcheck_module():
    spec = importlib.util.spec_from_file_location("healthcheck", ROOT / "deploy/healthcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("allowed", "host"),
    [
        ("careerpath.example", "careerpath.example"),
        (" .example.org, other", "example.org"),
        ("*,careerpath.example", "careerpath.example"),
        ("", "localhost"),
    ],
)
def test_the_healthcheck_sends_a_host_the_settings_allow(allowed, host):
    assert healthcheck_module().host_header(allowed) == host


# --- a container start without Docker --------------------------------------------------------


def dockerignore_patterns() -> list[re.Pattern]:
    patterns = []
    for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        assert not line.startswith("!"), "exceptions are not simulated here"
        regex = re.escape(line.strip("/")).replace(r"\*\*/", "(.*/)?").replace(r"\*", "[^/]*")
        patterns.append(re.compile(regex.replace(r"\?", "[^/]")))
    return patterns


def build_context(target: Path) -> Path:
    """Copy what `docker build .` would send: the repository minus .dockerignore."""
    patterns = dockerignore_patterns()

    def ignored(relative: str) -> bool:
        return any(p.fullmatch(relative) for p in patterns)

    for folder, dirs, files in os.walk(ROOT):
        here = Path(folder).relative_to(ROOT)
        dirs[:] = [d for d in dirs if not ignored((here / d).as_posix())]
        for name in files:
            relative = (here / name).as_posix()
            if not ignored(relative):
                (target / here).mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / relative, target / relative)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": "careerpath.example", **headers})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@pytest.fixture(scope="module")
def image(tmp_path_factory) -> Path:
    """The build context with the Dockerfile's collectstatic done, as /app in the image."""
    app = build_context(tmp_path_factory.mktemp("app"))
    env = production_env(app, DJANGO_SECRET_KEY="collectstatic-only-not-a-secret")
    result = run(["python", "manage.py", "collectstatic", "--noinput"], env, cwd=app)
    assert result.returncode == 0, result.stderr
    return app


def container_env(tmp_path: Path, app: Path, **extra: str) -> dict[str, str]:
    return production_env(tmp_path, PYTHONPATH=str(app), WEB_CONCURRENCY="1", **extra)


def test_the_build_context_holds_what_the_image_needs_and_nothing_private(image):
    for needed in (
        "manage.py",
        "pyproject.toml",
        "README.md",
        "deploy/entrypoint.sh",
        "deploy/healthcheck.py",
        "eligibility/data/catalog.json",
        "templates/base.html",
        "static/css/site.css",
    ):
        assert (image / needed).is_file(), needed
    for private in (".git", ".venv", "tests", "db.sqlite3", "deploy/careerpath.env"):
        assert not (image / private).exists(), private
    assert (image / "staticfiles" / "staticfiles.json").is_file()  # the manifest


def test_a_container_starts_migrates_loads_the_catalog_and_reports_healthy(image, tmp_path):
    port = free_port()
    command = [a.replace("0.0.0.0:8000", f"127.0.0.1:{port}") for a in exec_form("CMD")]
    env = container_env(
        tmp_path, image, DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https"
    )
    server = subprocess.Popen(  # what ENTRYPOINT + CMD run in the container
        ["sh", "deploy/entrypoint.sh", *command],
        cwd=image,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        check = ["python", "deploy/healthcheck.py", f"http://127.0.0.1:{port}/healthz"]
        deadline = time.monotonic() + 120
        while True:
            health = run(check, env, cwd=image, timeout=30)
            if health.returncode == 0 or server.poll() is not None:
                break
            assert time.monotonic() < deadline, "no healthy answer within 120 s"
            time.sleep(0.5)
        assert health.returncode == 0, health.stdout + health.stderr
        assert '"status": "ok"' in health.stdout

        # Plain HTTP is redirected; HTTPS as the proxy reports it is served, hardened.
        plain = get(port, "/")
        assert plain.status == 301
        assert plain.getheader("Location") == "https://careerpath.example/"
        home = get(port, "/", **{"X-Forwarded-Proto": "https"})
        assert home.status == 200
        assert "default-src 'self'" in home.getheader("Content-Security-Policy")
        assert home.getheader("Strict-Transport-Security").startswith("max-age=31536000")
        # Static files collected at build time, under their hashed names, by WhiteNoise.
        stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home.body)
        assert stylesheet, home.body[:500]
        css = get(port, stylesheet.group(1).decode(), **{"X-Forwarded-Proto": "https"})
        assert css.status == 200
        assert css.getheader("Content-Type").startswith("text/css")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "prestart: ready" in output, output

    database = sqlite3.connect(tmp_path / "db.sqlite3")
    tables = {row[0] for row in database.execute("SELECT name FROM sqlite_master")}
    assert "careerpath_cache" in tables  # the cache and the rate-limit counters
    assert database.execute("SELECT count(*) FROM eligibility_certification").fetchone()[0] >= 4
    database.close()


def test_a_restart_keeps_the_editors_changes_to_the_catalog(image, tmp_path):
    env = container_env(tmp_path, image)
    handover = ["python", "-c", "print('handed over')"]
    first = run(["sh", "deploy/entrypoint.sh", *handover], env, cwd=image)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.rstrip().endswith("handed over")

    database = sqlite3.connect(tmp_path / "db.sqlite3")
    with database:
        database.execute("UPDATE eligibility_certification SET name = 'Edited' WHERE code = 'ccm'")
    second = run(["sh", "deploy/entrypoint.sh", *handover], env, cwd=image)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "catalog present" in second.stdout
    row = database.execute("SELECT name FROM eligibility_certification WHERE code = 'ccm'")
    assert row.fetchone() == ("Edited",)
    database.close()


def test_a_container_gives_up_when_the_database_never_answers(image, tmp_path):
    env = container_env(
        tmp_path,
        image,
        DATABASE_URL=f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}",
        DATABASE_WAIT_SECONDS="1",
    )
    result = run(
        ["sh", "deploy/entrypoint.sh", "python", "-c", "print('handed over')"], env, cwd=image
    )
    assert result.returncode != 0
    assert "the database did not answer within 1 s" in result.stderr
    assert "handed over" not in result.stdout
