"""Journeys that end on the results: dates ahead, changing answers, saving, printing."""

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar

from eligibility.models import Certification

from .journeys import (
    card,
    complete,
    fill_entry,
    long_date,
    months_before,
    press_button,
    status,
    step_heading,
)

RN = {"type": "rn"}
BSN = {"level": "bachelor", "field": "nursing"}
NURSE_JOB = {
    "role": "nurse-case-manager", "setting": "hospital", "start": "2021-03-01",
    "ongoing": True, "hours_per_week": "40",
}  # fmt: skip


def nurse(today: dt.date) -> dict:
    ce = {
        "topic": "nursing-case-management",
        "hours": "30",
        "completed": (today - dt.timedelta(days=200)).isoformat(),
    }
    return {"licences": [RN], "education": [BSN], "work": [NURSE_JOB], "training": [ce]}


def social_worker(start: dt.date) -> dict:
    """A social worker (accredited BSW) in hospital case management full time since `start`."""
    return {
        "licences": [{"type": "social-worker"}],
        "education": [{"level": "bachelor", "field": "social-work", "accredited": True}],
        "work": [
            {
                "role": "case-manager", "setting": "hospital", "start": start.isoformat(),
                "ongoing": True, "hours_per_week": "40", "paid": True, "supervised": True,
            }
        ],
    }  # fmt: skip


def test_a_social_worker_sees_acm_now_and_the_date_she_reaches_ccm(site, page):
    today = dt.date.today()
    start = months_before(today, 14)
    complete(page, site, social_worker(start))
    assert status(page, "acm") == "Eligible now"
    # CCM asks for 4,160 h (24 full-time months) of case management. Hours at D are
    # 40 × days / 7 with both ends counted (docs/engine-rules.md, "Hours of work on a day"):
    # 728 days, so D = start + 727 days.
    reached = start + dt.timedelta(days=727)
    assert 40 * ((reached - start).days + 1) / 7 >= 4160 > 40 * (reached - start).days / 7
    assert status(page, "ccm") == f"Eligible on {long_date(reached)}"
    assert re.fullmatch(r"Eligible on \d{1,2} [A-Z][a-z]+ \d{4}", status(page, "ccm"))


def test_add_and_remove_a_job_with_plain_buttons(site, new_page):
    page = new_page(java_script_enabled=False)  # the buttons need no script
    page.goto(f"{site}/assess/work/")
    fill_entry(page, "work", 0, NURSE_JOB)

    press_button(page, "Add another job")
    assert urlsplit(page.url).fragment == "entry-2"
    assert page.locator("legend", has_text="Job 2").is_visible()
    assert page.locator("#id_work-entries-0-start").input_value() == "2021-03-01"
    assert page.locator("#id_work-entries-0-ongoing").is_checked()
    fill_entry(
        page,
        "work",
        1,
        {"role": "registered-nurse", "setting": "health-system", "start": "2015-01-05",
         "end": "2021-02-26", "hours_per_week": "36"},
    )  # fmt: skip

    press_button(page, "Remove job 1")
    assert page.locator("fieldset.entry").count() == 1
    assert page.locator("legend", has_text="Job 2").count() == 0
    # The second job moved up into first place, answers intact.
    assert page.locator("#id_work-entries-0-role").input_value() == "registered-nurse"
    assert page.locator("#id_work-entries-0-start").input_value() == "2015-01-05"
    assert page.locator("#id_work-entries-0-end").input_value() == "2021-02-26"
    assert page.locator("#id_work-entries-0-hours_per_week").input_value() == "36"

    press_button(page, "Remove job 1")
    assert page.get_by_text("No job added.").is_visible()
    press_button(page, "Add a job")
    assert page.locator("fieldset.entry").count() == 1


def test_back_keeps_answers_and_a_reopened_step_shows_the_saved_ones(site, page):
    page.goto(f"{site}/assess/")
    fill_entry(page, "licences", 0, RN)
    press_button(page, "Continue")
    fill_entry(page, "education", 0, {"level": "master", "field": "nursing"})
    press_button(page, "Back")  # not yet continued: what was typed on this step stays
    assert step_heading(page).startswith("Licences")
    assert page.locator("#id_licences-entries-0-type").input_value() == "rn"
    press_button(page, "Continue")
    assert page.locator("#id_education-entries-0-level").input_value() == "master"
    assert page.locator("#id_education-entries-0-field").input_value() == "nursing"

    complete(page, site, nurse(dt.date.today()))
    # Reopen the work step from the results: the saved job is in place.
    with page.expect_navigation():
        page.get_by_role("link", name="Work history", exact=True).click()
    assert step_heading(page).startswith("Work history")
    assert page.locator("#id_work-entries-0-role").input_value() == "nurse-case-manager"
    assert page.locator("#id_work-entries-0-start").input_value() == "2021-03-01"
    assert page.locator("#id_work-entries-0-ongoing").is_checked()
    # Change the hours and go straight back to the results.
    page.locator("#id_work-entries-0-hours_per_week").fill("20")
    press_button(page, "Save and see results")
    assert urlsplit(page.url).path == "/assess/results/"
    with page.expect_navigation():
        page.get_by_role("link", name="Work history", exact=True).click()
    assert float(page.locator("#id_work-entries-0-hours_per_week").input_value()) == 20


def test_a_saved_plan_opens_from_its_private_link_and_can_be_deleted(site, page, new_page):
    complete(page, site, nurse(dt.date.today()))
    press_button(page, "Save this plan")
    path = urlsplit(page.url).path
    assert re.fullmatch(r"/plan/[A-Za-z0-9_-]{20,}/", path), path
    assert page.get_by_role("status").filter(has_text="Your plan is saved").is_visible()
    link = page.locator(".plan-link code").inner_text().strip()
    assert link == f"{site}{path}"

    # Someone else's browser (no session, no cookies) opens the link.
    elsewhere = new_page()
    response = elsewhere.goto(link)
    assert response.status == 200
    assert elsewhere.locator("h1").inner_text() == "Your certification plan"
    assert status(elsewhere, "cmgt-bc") == "Eligible now"
    assert status(elsewhere, "ccm") == status(page, "ccm")
    assert elsewhere.get_by_role("button", name="Save this plan").count() == 0  # not editable

    with elsewhere.expect_navigation():
        elsewhere.get_by_role("link", name="Delete this plan").click()
    assert elsewhere.locator("h1").inner_text() == "Delete this plan?"
    press_button(elsewhere, "Delete the plan")
    assert elsewhere.locator("h1").inner_text() == "Your plan is deleted"
    assert elsewhere.goto(link).status == 404
    assert page.goto(link).status == 404


def test_the_printed_results_show_the_cards_without_navigation_or_forms(site, page):
    complete(page, site, nurse(dt.date.today()))
    nav = page.get_by_role("navigation", name="Main")
    forms = page.locator("main form")
    assert nav.is_visible() and forms.first.is_visible()

    page.emulate_media(media="print")
    assert not nav.is_visible()
    assert not page.locator(".skip-link").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert forms.count() >= 2
    for index in range(forms.count()):
        assert not forms.nth(index).is_visible()
    assert not page.get_by_role("button", name="Save this plan").is_visible()
    cards = page.locator("article.result-card")
    assert cards.count() == Certification.objects.count()
    for index in range(cards.count()):
        assert cards.nth(index).is_visible()
    assert card(page, "cmgt-bc").locator(".chip").is_visible()
    assert page.get_by_role("heading", name="Jobs that fit you").is_visible()

    page.emulate_media(media="screen")
    assert nav.is_visible()


def test_at_a_glance_leads_to_a_card_and_the_dates_go_to_a_calendar(site, page):
    complete(page, site, social_worker(months_before(dt.date.today(), 14)))
    glance = page.get_by_role("region", name="At a glance")
    assert glance.locator("li").count() == Certification.objects.count()
    glance.get_by_role("link", name="Board-Certified Case Manager (CCM)").click()
    assert urlsplit(page.url).fragment == "cert-ccm"
    assert card(page, "ccm").locator("h3").is_visible()
    # Its line says where she stands, as the card does.
    line = glance.locator("li").filter(has_text="(CCM)").inner_text()
    assert status(page, "ccm") in line

    with page.expect_download() as waiting:
        page.get_by_role("link", name="Add the dates of this plan to your calendar").click()
    download = waiting.value
    assert download.suggested_filename == "certification-plan.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    events = {str(event["summary"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}
    ccm_day = status(page, "ccm").removeprefix("Eligible on ")
    assert long_date(events["You can apply for Board-Certified Case Manager (CCM)"]) == ccm_day
