"""Browser tests: real user journeys in Debian's chromium, driven by Playwright.

One browser per session; a fresh context (no cookies, no session) and page per test. The
whole package is skipped when /usr/bin/chromium is missing.
"""

import json
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Sync Playwright drives the browser from the thread that also runs the tests' ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


HERE = Path(__file__).parent
MISSING = f"browser tests need chromium at {CHROMIUM}"


def pytest_collection_modifyitems(config, items):
    """Without chromium, skip this package before any server or database is set up."""
    if CHROMIUM.exists():
        return
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.skip(reason=MISSING))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def seeded(transactional_db):
    """The seeded catalog in the (flushed-per-test) database; rate-limit counters reset."""
    from django.core.cache import cache

    from eligibility.loading import load_catalog
    from eligibility.snapshot import SEED_PATH

    cache.clear()
    load_catalog(json.loads(SEED_PATH.read_text(encoding="utf-8")))


@pytest.fixture
def site(live_server, seeded):
    """The live server's base URL, with the seeded catalog loaded."""
    return live_server.url


@pytest.fixture
def new_page(browser):
    """A factory of pages, each in its own browser context (its own cookies)."""
    contexts = []

    def make(**options):
        options = {"locale": "en-US", "timezone_id": "UTC", **options}
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
