"""Shared fixtures: the seeded catalog as a snapshot (no database needed) and `assess`."""

import json
import os
import time

import pytest
import time_machine

# The example profile of docs/profile-format.md.
SPEC_EXAMPLE = {
    "as_of": "2026-11-23",
    "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
    "degrees": [{"level": "bachelor", "field": "nursing", "accredited": True}],
    "credentials": ["crc"],
    "experience": [
        {
            "role": "nurse-case-manager",
            "setting": "hospital",
            "start": "2023-01-01",
            "end": None,
            "hours_per_week": 40,
            "paid": True,
            "supervised": True,
            "supervisor_credentials": ["ccm"],
            "self_employed": False,
        }
    ],
    "education": [{"topic": "nursing-case-management", "hours": 12, "completed": "2025-06-01"}],
    "references": 0,
    "attestations": ["good-moral-character"],
}

# The About step's questions of CRC, CMC and CCCTM, answered No by a test that does not care
# about them: CMC's is asked of everyone (its routes are open to any bachelor's), CCCTM's of
# every RN, CRC's of counseling graduates; posted where the step does not ask them, they are
# ignored like any field the page did not render.
NEW_QUESTIONS_NO = {
    f"about-attest_{code}": "no"
    for code in (
        "cmc-core-functions",
        "ccctm-new-applications-open",
        "crc-cacrep-program",
        "crc-supervised-internship",
        "crc-required-courses",
    )
}

# Sync Playwright runs beside Django's live_server in the same process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def fresh_rate_limits():
    """No request counted against any address before or after the test (rate limits count
    in the cache)."""
    from django.conf import settings
    from django.core.cache import caches

    caches[settings.RATELIMIT_USE_CACHE].clear()
    yield
    caches[settings.RATELIMIT_USE_CACHE].clear()


@pytest.fixture
def frozen_rate_limit_clock():
    """Keep all requests of a test inside one rate-limit window, however slow the machine
    (the clock stands still while the test runs)."""
    with time_machine.travel(time.time(), tick=False):
        yield


@pytest.fixture(scope="session", autouse=True)
def catalog_checked_on_every_request():
    """Tests change the catalog and roll it back within a second; each page must see that.
    (The production window is tested in tests/test_catalog_loading.py.)"""
    from django.test import override_settings

    with override_settings(CATALOG_RECHECK_SECONDS=0):
        yield


@pytest.fixture(scope="session", autouse=True)
def form_widget_templates_not_recorded(django_test_environment):
    """Record the pages' own templates for `response.context` and `response.templates`, but
    not Django's form widget templates (django/forms/...).

    The test client copies the whole context of every template rendered; a certification's
    admin page renders some 11,000 widget and error-list templates, and that copying doubled
    its time (1.5 s instead of 0.75 s). No test asserts on Django's own widget templates.
    """
    from django.template.base import Template

    recorded = Template._render  # Django's instrumented render, set by the test environment

    def render(self, context):
        if self.name and self.name.startswith("django/forms/"):
            return self.nodelist.render(context)
        return recorded(self, context)

    Template._render = render
    yield
    Template._render = recorded


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seeded catalog once per run, committed, so each test's transaction starts
    with it (loading it per test cost half a second on PostgreSQL)."""
    with django_db_blocker.unblock():
        _load_seed()


def _load_seed():
    from eligibility.loading import load_catalog
    from eligibility.snapshot import SEED_PATH

    load_catalog(json.loads(SEED_PATH.read_text(encoding="utf-8")))


@pytest.fixture
def seeded(db):
    """The seeded catalog in the database.

    Already there for database tests (see django_db_setup); loaded again only after a
    transactional test has flushed the tables.
    """
    from eligibility.models import Certification

    if not Certification.objects.exists():
        _load_seed()


@pytest.fixture
def empty_catalog(db):
    """No catalog rows at all, for tests of loading into a new database (rolled back after)."""
    from django.test import override_settings

    from eligibility.catalog import VOCAB_MODELS
    from eligibility.models import Certification, JobRole

    # A new database has no history either: writing a "deleted" history row for each of the
    # seed's rows was two thirds of this fixture's time.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        JobRole.objects.all().delete()
        Certification.objects.all().delete()
        for model in VOCAB_MODELS.values():
            model.objects.all().delete()


@pytest.fixture(scope="session")
def catalog():
    """The seeded catalog (eligibility/data/catalog.json) as an engine snapshot."""
    from eligibility.snapshot import load_seed_snapshot

    return load_seed_snapshot()


@pytest.fixture
def assess(catalog):
    """Assess a profile dict against the seeded catalog; returns the results dict.

    Raises eligibility.profile.ProfileError (with .errors: {path: message}) on bad input.
    """
    from eligibility.services import assess_profile

    def run(profile: dict) -> dict:
        return assess_profile(profile, snapshot=catalog)

    return run


def cert(results: dict, code: str) -> dict:
    """The result entry of one certification."""
    for entry in results["results"]:
        if entry["certification"] == code:
            return entry
    raise AssertionError(f"no result for {code}")


# Markers by directory, so a new test file there is marked without remembering to.
MARKED_DIRECTORIES = {"browser": "browser", "deploy": "deploy"}


def pytest_collection_modifyitems(config, items):
    """Mark every test under tests/browser `browser` and under tests/deploy `deploy`."""
    here = os.path.dirname(__file__)
    for item in items:
        parts = os.path.relpath(str(item.path), here).split(os.sep)
        marker = MARKED_DIRECTORIES.get(parts[0]) if len(parts) > 1 else None
        if marker:
            item.add_marker(getattr(pytest.mark, marker))
