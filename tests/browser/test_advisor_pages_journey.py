"""The demo advisor's pages as they look in chromium: the chart names every certification in
full, the pages sit in the header's centred column, a full-name search finds the client, the
history says what changed and nothing else, and a reloaded invitation page explains itself.

Screenshots of the dashboard, the searched client list and a client's history are written to
/tmp/shots/advisor/ for a person to look at (set ADVISOR_SHOTS to write them elsewhere).
"""

import copy
import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from advising.demo import DEMO_PASSWORD
from advising.models import Client
from advising.summaries import record_assessment
from eligibility.catalog import get_snapshot

from .journeys import press_button
from .test_accessibility import Audit

SHOTS = Path(os.environ.get("ADVISOR_SHOTS", "/tmp/shots/advisor"))
WIDE = {"width": 1440, "height": 1000}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def demo(site):
    """The demo organisation (`manage.py seed_demo`, 40 clients). Among the demo advisor's
    clients is Vicki Townsend (whatever work the demo gave her); her advisor saves her
    assessment again through the update form (which reads every number back as a decimal:
    40.0 hours), then with fewer hours a week in her latest job."""
    call_command("seed_demo", clients=40, allow_without_debug=True, verbosity=0)
    vicki = Client.objects.select_related("assessment", "advisor__user").get(name="Vicki Townsend")
    assert vicki.advisor.user.username == "demo-advisor"
    snapshot, user = get_snapshot(), vicki.advisor.user
    again = copy.deepcopy(vicki.assessment.profile)
    # Saved again the next day (a save on the same day that changes nothing records nothing).
    again["as_of"] = (dt.date.fromisoformat(again["as_of"]) + dt.timedelta(days=1)).isoformat()
    for job in again["experience"]:
        job["hours_per_week"] = float(job["hours_per_week"])
    for course in again["education"]:
        course["hours"] = float(course["hours"])
    record_assessment(vicki, again, snapshot, source="advisor", user=user)
    fewer = copy.deepcopy(again)
    hours = again["experience"][-1]["hours_per_week"]
    fewer["experience"][-1]["hours_per_week"] = hours - 4
    record_assessment(vicki, fewer, snapshot, source="advisor", user=user)
    return {"site": site, "vicki": vicki, "hours": f"{hours:g} → {hours - 4:g}"}


def log_in(page, site: str, username: str) -> None:
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    press_button(page, "Log in")
    assert urlsplit(page.url).path == "/advisor/", page.url


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def assert_in_the_headers_column(page, what: str) -> None:
    header, main = box(page, "header.site-header"), box(page, "main")
    assert abs(main["x"] - header["x"]) <= 1, (what, header, main)
    assert abs(main["width"] - header["width"]) <= 1, (what, header, main)


def test_the_demo_advisors_pages_are_centred_under_the_header(demo, new_page):
    site = demo["site"]
    page = new_page(viewport=WIDE)
    log_in(page, site, "demo-advisor")
    for path in ("/advisor/", "/advisor/clients/", f"/advisor/clients/{demo['vicki'].pk}/"):
        page.goto(site + path)
        assert_in_the_headers_column(page, path)
    admin = new_page(viewport=WIDE)
    log_in(admin, site, "demo-admin")
    admin.goto(f"{site}/advisor/team/")
    assert_in_the_headers_column(admin, "/advisor/team/")
    # Nothing spills out of the column sideways: wide tables scroll inside it.
    for path in ("/advisor/", "/advisor/clients/"):
        admin.goto(site + path)
        overflow = admin.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, path


def test_the_chart_labels_every_bar_with_the_whole_certification_name(demo, new_page, axe):
    page = new_page(viewport=WIDE)
    log_in(page, demo["site"], "demo-advisor")
    names = [cert.name for cert in get_snapshot().certifications]
    labels = page.evaluate(
        """() => [...document.querySelectorAll('svg.chart text.bar-label')].map(
            text => [...text.querySelectorAll('tspan')].map(line => line.textContent).join(' '))"""
    )
    assert labels == names
    # Each label stays left of its bar: no word runs under the bar or out of the picture.
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('svg.chart g.bar')].map(g => {
            const label = g.querySelector('text.bar-label').getBBox();
            const bar = g.querySelector('rect');
            const chart = g.ownerSVGElement.viewBox.baseVal;
            return {right: label.x + label.width, bar: bar ? bar.x.baseVal.value : chart.width,
                    bottom: label.y + label.height, height: chart.height,
                    top: g.transform.baseVal.consolidate().matrix.f};
        })"""
    )
    for name, size in zip(names, sizes, strict=True):
        assert size["right"] < size["bar"], (name, size)
        assert size["top"] + size["bottom"] <= size["height"], (name, size)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
    audit = Audit(axe, page)
    audit.check("/advisor/ (demo dashboard)")
    audit.assert_clean()


def test_the_demo_advisor_finds_vicki_townsend_by_her_full_name_and_reads_her_history(
    demo, new_page, axe
):
    site, vicki = demo["site"], demo["vicki"]
    page = new_page(viewport=WIDE)
    log_in(page, site, "demo-advisor")
    audit = Audit(axe, page)
    page.goto(f"{site}/advisor/clients/")
    page.get_by_label("Name or external id").fill("Townsend Vicki")
    press_button(page, "Show clients")
    names = page.locator("table.data tbody th[scope=row] a")
    assert names.all_inner_texts() == ["Vicki Townsend"]
    page.screenshot(path=str(SHOTS / "client-list-search.png"), full_page=True)
    audit.check("/advisor/clients/?q=Townsend Vicki")

    with page.expect_navigation():
        names.first.click()
    history = page.locator("ol.history > li")
    assert history.count() == 3
    newest, middle = history.nth(0).inner_text(), history.nth(1).inner_text()
    assert "Changed job: " in newest  # her first job, whatever the demo made it
    assert f"hours a week {demo['hours']}" in newest
    assert "Removed" not in newest and "Added" not in newest
    assert "No change from the one before." in middle  # 40.0 hours is 40 hours
    page.screenshot(path=str(SHOTS / "client-page-top.png"))
    page.locator("section", has=page.locator("#history-heading")).screenshot(
        path=str(SHOTS / "client-history.png")
    )
    audit.check("/advisor/clients/<pk>/ (history)")

    # The invitation page, opened again by its address: back to Vicki, told why.
    press_button(page, "Invite Vicki Townsend to fill it in")
    assert page.locator("h1").inner_text() == "Invitation for Vicki Townsend"
    response = page.goto(page.url)  # a GET of the address the button posted to
    assert response.status == 200
    assert urlsplit(page.url).path == f"/advisor/clients/{vicki.pk}/"
    assert "shown only once" in page.get_by_role("status").first.inner_text()
    page.screenshot(path=str(SHOTS / "invitation-opened-again.png"))
    audit.check("/advisor/clients/<pk>/invite/ opened by its address")
    audit.assert_clean()
