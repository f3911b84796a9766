"""Running careerpath as production would, in a subprocess: production settings
(careerpath.settings, debug off), a random secret, and a SQLite database in a temporary folder."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the virtualenv's python, gunicorn, check-jsonschema


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a production process: nothing DJANGO_* or DATABASE_* inherited."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CAREERPATH_", "PYTHONPATH"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="careerpath.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(45),  # 60 characters
        DJANGO_ALLOWED_HOSTS="careerpath.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str], cwd: Path = ROOT, timeout: int = 180):
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def settings_of(tmp_path: Path, *names: str, **env: str) -> dict:
    """The values of some production settings under `env` (JSON: tuples become lists)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    result = run([sys.executable, "-c", code], production_env(tmp_path, **env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
