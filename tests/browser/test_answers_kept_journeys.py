"""Nothing a person enters is lost: reopening a step from the results, an advisor's update, an
invitation link, and entries added with "Add another" (issue 13, items 1-4), in chromium."""

import datetime as dt

from advising.invitations import invite
from advising.models import Organisation
from tests.advisors.conftest import add_client, member

from .journeys import card, complete, fill_entry, press_button, status, step_heading
from .test_advisor_journey import log_in, nurse_since

RN = {"type": "rn", "expires": "2028-03-31"}
BSN = {"level": "bachelor", "field": "nursing"}
NCM_JOB = {
    "role": "nurse-case-manager", "setting": "hospital", "start": "2022-01-01", "ongoing": True,
    "hours_per_week": "40",
}  # fmt: skip
CE = {"topic": "nursing-case-management", "hours": "40", "completed": "2026-06-01"}
NURSE = {"licences": [RN], "education": [BSN], "work": [NCM_JOB], "training": [CE]}


def licence_type(page, index: int = 0) -> str:
    return page.locator(f"#id_licences-entries-{index}-type").input_value()


def test_a_nurse_reopens_her_licences_from_the_results_and_saving_keeps_them(site, page):
    complete(page, site, NURSE)
    assert status(page, "ccm") == "Eligible now" and status(page, "acm") == "Eligible now"
    with page.expect_navigation():
        page.get_by_role("link", name="Change licences").click()
    assert licence_type(page) == "rn"
    assert page.locator("#id_licences-entries-0-expires").input_value() == "2028-03-31"
    press_button(page, "Save and see results")
    assert status(page, "ccm") == "Eligible now" and status(page, "acm") == "Eligible now"
    assert card(page, "acm").is_visible()


def test_an_advisor_updates_a_clients_work_and_the_licence_stays(site, new_page):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    ada = member(org, "ada")
    profile = nurse_since(dt.date.today() - dt.timedelta(days=4 * 365))
    profile["licenses"] = [{"type": "rn", "active": True, "good_standing": True,
                            "expires": "2029-03-31"}]  # fmt: skip
    maria = add_client(org, ada, "Maria Garcia", profile=profile)
    advisor = new_page()
    log_in(advisor, site, "ada")
    advisor.goto(f"{site}/advisor/clients/{maria.pk}/")
    with advisor.expect_navigation():
        advisor.get_by_role("link", name="Update the assessment").click()
    assert licence_type(advisor) == "rn"
    press_button(advisor, "3 Work history (answered)")
    advisor.locator("#id_work-entries-0-hours_per_week").fill("36")
    press_button(advisor, "Save and see results")
    assert advisor.get_by_text("The assessment of Maria Garcia is saved.").is_visible()
    maria.refresh_from_db()
    assert maria.assessment.profile["licenses"][0]["type"] == "rn"
    assert maria.assessment.profile["experience"][0]["hours_per_week"] == 36
    summary = maria.assessment.summary
    assert summary["ccm"]["status"] == summary["acm"]["status"] == "eligible"


def test_an_invited_client_sees_the_answers_on_file_from_the_first_step(site, new_page):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    ada = member(org, "ada")
    profile = nurse_since(dt.date(2022, 1, 1))
    maria = add_client(org, ada, "Maria Garcia", profile=profile)
    _, token = invite(maria, user=ada.user)
    client = new_page()
    client.goto(f"{site}/invite/{token}/")
    assert licence_type(client) == "rn"
    assert client.locator("#id_licences-entries-0-active").is_checked()


def test_choosing_a_licence_and_adding_another_keeps_the_first_with_the_same_defaults(site, page):
    page.goto(f"{site}/assess/")
    fill_entry(page, "licences", 0, {"type": "rn"})
    press_button(page, "Add another licence")
    assert licence_type(page, 0) == "rn"
    assert page.locator("#id_licences-entries-1-type").is_visible()
    for box in ("active", "good_standing"):
        assert page.locator(f"#id_licences-entries-1-{box}").is_checked(), box


def test_a_second_job_is_paid_and_supervised_like_the_first(site, page):
    page.goto(f"{site}/assess/work/")
    assert page.locator("#id_work-entries-0-paid").is_checked()
    fill_entry(page, "work", 0, NCM_JOB)
    press_button(page, "Add another job")
    assert page.locator("#id_work-entries-0-role").input_value() == "nurse-case-manager"
    for box in ("paid", "supervised"):
        assert page.locator(f"#id_work-entries-1-{box}").is_checked(), box


def test_a_job_refused_for_a_missing_setting_survives_a_visit_to_another_page(site, page):
    page.goto(f"{site}/assess/work/")
    job = {k: v for k, v in NCM_JOB.items() if k != "setting"}
    fill_entry(page, "work", 0, job)
    press_button(page, "Continue")
    assert page.get_by_role("link", name="Job 1: Setting is required").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Certifications", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Check my eligibility").first.click()
    assert step_heading(page).startswith("Work history")  # back where they left
    assert page.locator("#id_work-entries-0-role").input_value() == "nurse-case-manager"
    assert page.locator("#id_work-entries-0-start").input_value() == "2022-01-01"
    assert page.locator("#id_work-entries-0-hours_per_week").input_value() == "40"
    # It still says what is missing, and the step list says the step is not finished.
    assert page.get_by_role("link", name="Job 1: Setting is required").is_visible()
    page.screenshot(path="/tmp/journey-draft-kept.png", full_page=True)
