"""A nurse reads her answers under her results, changes one through its link, and the page
stays free of axe violations; the browser finds the site's icon."""

import os
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from .journeys import complete, press_button

SHOTS = Path(os.environ.get("CAREERPATH_SHOTS", "/tmp/shots/summary"))
NURSE = {
    "licences": [{"type": "rn", "expires": "2028-03-31"}],
    "education": [{"level": "bachelor", "field": "nursing"}],
    "work": [
        {
            "role": "nurse-case-manager", "setting": "hospital", "start": "2023-01-01",
            "ongoing": True, "hours_per_week": "40",
        }
    ],
    "training": [{"topic": "nursing-case-management", "hours": "30", "completed": "2025-06-01"}],
}  # fmt: skip


def assert_no_axe_violations(page, label: str) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, f"{label}:\n{results.generate_report()}"


def test_a_nurse_reads_her_answers_and_changes_her_hours_from_the_summary(site, page):
    icons = []
    page.on("response", lambda r: icons.append(r) if "favicon" in r.url else None)
    complete(page, site, NURSE)
    answers = page.locator("#answers")
    assert answers.get_by_role("heading", name="Your answers").is_visible()
    text = answers.inner_text()
    assert "Registered nurse (RN), active, in good standing, expires 31 March 2028" in text
    assert "Nurse case manager (hospital), 40 hours a week, since 1 January 2023" in text
    assert_no_axe_violations(page, "/assess/results/ with the summary")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "results-page.png"), full_page=True)
    answers.screenshot(path=str(SHOTS / "results-summary.png"))

    with page.expect_navigation():
        answers.get_by_role("link", name="Change work history", exact=True).click()
    assert urlsplit(page.url).path == "/assess/work/"
    assert page.locator("#id_work-entries-0-role").input_value() == "nurse-case-manager"
    page.locator("#id_work-entries-0-hours_per_week").fill("32")
    press_button(page, "Save and see results")
    assert urlsplit(page.url).path == "/assess/results/"
    assert "Nurse case manager (hospital), 32 hours a week" in page.locator("#answers").inner_text()

    assert icons and all(r.status < 400 for r in icons), [(r.url, r.status) for r in icons]


def test_a_saved_plan_shows_the_answers_and_changes_a_step_through_the_plan(site, page):
    complete(page, site, NURSE)
    press_button(page, "Save this plan")
    assert urlsplit(page.url).path.startswith("/plan/")
    assert "expires 31 March 2028" in page.locator("#answers").inner_text()
    assert_no_axe_violations(page, "/plan/<token>/ with the summary")
    with page.expect_navigation():
        page.locator("#answers").get_by_role("button", name="Change continuing education").click()
    assert urlsplit(page.url).path == "/assess/training/"
    assert page.locator("#id_training-entries-0-hours").input_value() == "30"


def test_the_answers_are_printed_without_their_change_links(site, page):
    complete(page, site, NURSE)
    page.emulate_media(media="print")
    answers = page.locator("#answers")
    assert answers.is_visible()
    assert not answers.get_by_role("link", name="Change licences").is_visible()


def test_an_advisor_reads_a_clients_answers_and_opens_the_step_to_change(site, page):
    from advising.models import Organisation
    from tests.advisors.conftest import add_client, member, nurse

    from .test_advisor_journey import log_in

    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    rita = add_client(org, member(org, "ada"), "Rita Ready", nurse())
    log_in(page, site, "ada")
    page.goto(f"{site}/advisor/clients/{rita.pk}/")
    answers = page.locator("#answers")
    assert answers.get_by_role("heading", name="Answers in this assessment").is_visible()
    assert "supervisor holds Board-Certified Case Manager (CCM)" in answers.inner_text()
    assert_no_axe_violations(page, "/advisor/clients/<pk>/ with the summary")
    SHOTS.mkdir(parents=True, exist_ok=True)
    answers.screenshot(path=str(SHOTS / "client-summary.png"))
    with page.expect_navigation():
        answers.get_by_role("link", name="Change licences", exact=True).click()
    assert urlsplit(page.url).path == f"/advisor/clients/{rita.pk}/assessment/licences/"
