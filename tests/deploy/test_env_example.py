"""deploy/careerpath.env.example names every variable the settings read, each with a
comment, holds no secret, and is a working production configuration once the secret is set."""

import ast
import secrets
import sys

import pytest

from .production import ROOT, production_env, run

EXAMPLE = ROOT / "deploy" / "careerpath.env.example"
READERS = {"env_bool", "env_list"}  # the settings' helpers; os.environ.get and os.getenv too


def variables_read_by_settings() -> set[str]:
    """Names in env_bool("X"), env_list("X"), os.environ.get("X"), os.getenv("X") and
    os.environ["X"] in careerpath/settings.py."""
    tree = ast.parse((ROOT / "careerpath" / "settings.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            func = ast.unparse(node.func)
            first = node.args[0]
            reads = func in READERS or func in ("os.environ.get", "os.getenv")
            if reads and isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
        elif (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value) == "os.environ"
            and isinstance(node.slice, ast.Constant)
        ):
            names.add(node.slice.value)
    return names


def example() -> list[tuple[str, str, list[str]]]:
    """(name, value, the comment lines just above it) for each KEY=value line."""
    entries, comments = [], []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comments.append(line)
        elif "=" in line:
            name, value = line.split("=", 1)
            entries.append((name, value, comments))
            comments = []
        else:
            comments = []
    return entries


def test_the_settings_read_the_variables_this_test_expects():
    found = variables_read_by_settings()
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "DJANGO_EMAIL_BACKEND"} <= found
    assert {"DJANGO_SECURE_PROXY_SSL_HEADER", "DJANGO_HSTS_PRELOAD"} <= found
    assert "DJANGO_SETTINGS_MODULE" not in found


def test_it_names_every_variable_the_settings_read():
    named = {name for name, _, _ in example()}
    assert variables_read_by_settings() - named == set()


def test_every_variable_has_a_comment_and_appears_once():
    names = [name for name, _, _ in example()]
    assert len(names) == len(set(names))
    assert [name for name, _, comments in example() if not comments] == []


def test_it_holds_no_secret_and_no_debug():
    values = {name: value for name, value, _ in example()}
    assert values["DJANGO_SECRET_KEY"] == ""
    assert values["POSTGRES_PASSWORD"] == ""
    assert values["DJANGO_EMAIL_HOST_PASSWORD"] == ""
    assert values["DJANGO_DEBUG"] == "false"
    assert "change-me" in values["DATABASE_URL"]


def test_as_it_is_the_web_service_refuses_to_start(tmp_path):
    env = production_env(tmp_path, **dict((n, v) for n, v, _ in example()))
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = run([sys.executable, "manage.py", "check"], env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.slow
def test_with_a_secret_it_passes_the_deploy_checks(tmp_path):
    env = production_env(tmp_path, **dict((n, v) for n, v, _ in example()))
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(45)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"  # no PostgreSQL here
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_real_settings_file_stays_out_of_git_and_the_image():
    for ignore_file in (".gitignore", ".dockerignore"):
        patterns = (ROOT / ignore_file).read_text(encoding="utf-8").splitlines()
        assert "deploy/*.env" in patterns, ignore_file  # not *.env.example
