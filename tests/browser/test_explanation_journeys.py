"""A social worker reads why her hours do not count, on screen and on paper, with the sources."""

import datetime as dt
import os
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from .journeys import card, complete, months_before

SHOTS = Path(os.environ.get("CAREERPATH_SHOTS", "/tmp/shots/words"))


def community_social_worker(start: dt.date) -> dict:
    """A licensed social worker (accredited BSW), case manager in a community agency."""
    return {
        "licences": [{"type": "social-worker"}],
        "education": [{"level": "bachelor", "field": "social-work", "accredited": True}],
        "work": [
            {
                "role": "case-manager", "setting": "community", "start": start.isoformat(),
                "ongoing": True, "hours_per_week": "40", "paid": True, "supervised": True,
            }
        ],
    }  # fmt: skip


def test_a_social_worker_reads_why_her_community_hours_do_not_count_for_acm(site, page):
    complete(page, site, community_social_worker(months_before(dt.date.today(), 30)))
    acm = card(page, "acm")
    reason = acm.locator(".why-not", has_text="Your work as a case manager")
    assert reason.is_visible()
    text = reason.inner_text()
    assert "community or social services agency" in text
    assert "health care delivery setting" in text and "hospital" in text
    violations = Axe().run(page)
    assert not violations.violations_count, violations.generate_report()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "social-worker-results-screen.png"), full_page=True)
    acm.screenshot(path=str(SHOTS / "social-worker-acm-card-screen.png"))


def test_the_printed_results_show_the_sources_of_every_card(site, page):
    complete(page, site, community_social_worker(months_before(dt.date.today(), 30)))
    sources = page.locator("article.result-card details.sources li a")
    assert sources.count() >= 4
    assert not sources.first.is_visible()  # on screen, behind "Sources for these rules"

    page.emulate_media(media="print")
    for index in range(sources.count()):
        assert sources.nth(index).is_visible(), sources.nth(index).inner_text()
    acm_sources = card(page, "acm").locator("details.sources")
    assert "ACM" in acm_sources.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "social-worker-results-print.png"), full_page=True)
    card(page, "acm").screenshot(path=str(SHOTS / "social-worker-acm-card-print.png"))
    page.pdf(path=str(SHOTS / "social-worker-results.pdf"))

    page.emulate_media(media="screen")
    assert not sources.first.is_visible()
