"""Settings come from the environment; production settings pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean["DJANGO_SETTINGS_MODULE"] = "careerpath.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.slow
def test_production_settings_pass_the_deploy_checks():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k" * 20 + "-production-like-secret-" + "z" * 30,
        DJANGO_ALLOWED_HOSTS="careerpath.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_debug_runs_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr


def _redis_answers() -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def last_line(result: subprocess.CompletedProcess) -> str:
    """What the probe printed (Django's shell first says how many objects it imported)."""
    return result.stdout.strip().splitlines()[-1]


DEBUG_ENV = {"DJANGO_DEBUG": "true", "DATABASE_URL": "sqlite:///:memory:"}
CACHE_PROBE = (
    "from django.core.cache import caches; cache = caches['default']; "
    "cache.set('careerpath-probe', 7, 5); "
    "print(type(cache).__name__, cache.get('careerpath-probe')); cache.delete('careerpath-probe')"
)


@pytest.mark.slow
def test_rate_limit_counters_can_live_in_a_shared_redis():
    if not _redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    result = manage(
        "shell", "-c", CACHE_PROBE, DJANGO_CACHE_URL="redis://127.0.0.1:6379/15", **DEBUG_ENV
    )
    assert result.returncode == 0, result.stderr
    assert last_line(result) == "RedisCache 7"


@pytest.mark.slow
def test_without_a_cache_url_the_counters_stay_in_the_database():
    result = manage(
        "shell",
        "-c",
        "from django.core.cache import caches; print(type(caches['default']).__name__)",
        **DEBUG_ENV,
    )
    assert last_line(result) == "DatabaseCache", result.stderr


def test_a_cache_url_that_is_not_redis_is_refused_in_words():
    result = manage("check", DJANGO_CACHE_URL="memcached://127.0.0.1:11211", **DEBUG_ENV)
    assert result.returncode != 0
    assert "DJANGO_CACHE_URL must be a Redis URL" in result.stderr
