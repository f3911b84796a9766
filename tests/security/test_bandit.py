"""Bandit finds nothing in the application code.

Its false positives are marked where they are, each with `# nosec <id>` and the reason (the
demo password and seeded random generator belong to the demo data; the one raw SQL statement
names the model's own table). careerpath/settings.py is left out of the main run by pyproject's
[tool.bandit] and scanned on its own here.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BANDIT = Path(sys.executable).with_name("bandit")


def bandit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own arguments
        [str(BANDIT), *args], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.slow
def test_bandit_reports_nothing_in_the_application_code():
    result = bandit("-q", "-r", "careerpath", "eligibility", "advising", "-c", "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    # Nor a warning: a `# nosec` where bandit finds nothing hides no finding but would hide a
    # future one, and words after `nosec` are read as test ids.
    assert "WARNING" not in result.stderr, result.stderr


def test_the_settings_hold_no_secret_but_the_debug_only_fallback_key():
    """The one finding in settings is the SECRET_KEY used when DJANGO_DEBUG is on and no key
    is set (with debug off, startup refuses to run without DJANGO_SECRET_KEY)."""
    result = bandit("-q", "-f", "json", "careerpath/settings.py")
    findings = json.loads(result.stdout)["results"]
    unexpected = [
        f"{f['line_number']}: {f['test_id']} {f['issue_text']}"
        for f in findings
        if not (f["test_id"] == "B105" and "insecure-development-key" in f["code"])
    ]
    assert not unexpected
