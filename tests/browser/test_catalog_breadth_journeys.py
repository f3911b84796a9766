"""The newer certifications, walked as the people they are for (issue 16): a disability
manager reaches the CDMS, a social worker with a master's reaches NASW's C-ASWCM and C-SWCM.

Each journey reads what a person would notice: the status words and dates, what is still
missing in the words of the card, the dated path, where each rule comes from (source, date
checked, confidence), and that reopening a step from the results loses no answer. Screenshots
of the cards and pages go to /tmp/ui-shots/ to be looked at.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from eligibility.models import CertifyingBody, Source

from .journeys import card, fill_entry, long_date, months_before, press_button, status
from .keyboard import focused, press_and_wait, tab_to

SHOTS = Path("/tmp/ui-shots")


def shoot(locator, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SHOTS / f"{name}.png"))


def reached(start: dt.date, hours: int, per_week: int = 40) -> dt.date:
    """The day full-time work since `start` reaches `hours`: hours on day D are
    per_week × (D − start + 1) / 7, both ends counted (docs/engine-rules.md)."""
    days = -(-hours * 7 // per_week)  # days of work needed, rounded up
    return start + dt.timedelta(days=days - 1)


def text(locator) -> str:
    return re.sub(r"\s+", " ", locator.inner_text()).strip()


def open_sources(page: Page, code: str) -> str:
    """Open the card's "Sources for these rules" and read them."""
    sources = card(page, code).locator("details.sources")
    sources.locator("summary").click()
    return text(sources)


def change(page: Page, step: str) -> None:
    """Follow the answers summary's "Change …" link of one step."""
    with page.expect_navigation():
        page.get_by_role("link", name=f"Change {step}").click()


def answer_about(page: Page, asked: set[str]) -> None:
    """On the About step: exactly the questions `asked` (attestation codes) and CMC's, which
    goes to everyone; each of `asked` answered Yes, CMC's No (not what this journey is about)."""
    radios = page.locator("input[type=radio][id$='_0']")
    shown = {
        re.sub(r"^id_about-attest_(.*)_0$", r"\1", radio.get_attribute("id"))
        for radio in radios.all()
    }
    assert shown == asked | {"cmc-core-functions"}
    for code in asked:
        page.locator(f"#id_about-attest_{code}_0").check()
    page.locator("#id_about-attest_cmc-core-functions_1").check()


# --- a disability manager and the CDMS ------------------------------------------------------


def test_a_disability_manager_walks_to_the_cdms_date_and_its_cited_rules(site, page):
    today = dt.date.today()
    start = months_before(today, 8)
    job = {
        "role": "disability-manager", "setting": "employer", "start": start.isoformat(),
        "ongoing": True, "hours_per_week": "40",
    }  # fmt: skip
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(f"{site}/assess/")

    # 1. Licences, by keyboard: she holds no nursing licence; the blank entry is left as is.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    tab_to(page, text="Continue")
    press_and_wait(page, "Enter")

    # 2. Education, by keyboard: a bachelor's in business from an accredited school.
    assert page.locator("h1").inner_text().startswith("Education and credentials")
    tab_to(page, id="id_education-entries-0-level")
    page.keyboard.type("Bach")
    assert focused(page)["value"] == "bachelor"
    page.keyboard.press("Tab")
    page.keyboard.type("Bus")
    assert focused(page)["value"] == "business"
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["id"] == "id_education-entries-0-accredited" and now["checked"]  # ticked already
    press_and_wait(page, "Enter")  # Enter in a field continues

    # 3. Work, with the mouse: disability manager in her employer's programme for 8 months.
    assert page.locator("h1").inner_text().startswith("Work history")
    fill_entry(page, "work", 0, job)
    press_button(page, "Continue")
    press_button(page, "Continue")  # 4. no course to add

    # 5. About: the CDMS practice areas are asked of her, the social workers' code is not.
    assert page.locator("h1").inner_text().startswith("About you")
    assert page.get_by_text("cover at least two of the four practice areas").is_visible()
    assert page.get_by_text("NASW Code of Ethics").count() == 0
    answer_about(page, {"good-moral-character", "cdms-practice-domains"})
    press_button(page, "See my results")

    # Results: the CDMS on a date, because of the year of disability management.
    on = reached(start, 2080)
    day = long_date(on)
    assert status(page, "cdms") == f"Eligible on {day}"
    glance = text(page.locator("section.glance"))
    assert f"Certified Disability Management Specialist (CDMS): Eligible on {day}" in glance
    cdms = card(page, "cdms")
    said = text(cdms)
    assert "A bachelor's degree from an accredited school you meet this" in said
    missing = re.search(r"— ([\d,]+) of 2,080 hours: ([\d,]+) more", said)
    assert missing, said
    done, more = (int(n.replace(",", "")) for n in missing.groups())
    assert done + more == 2080 and done > 0
    assert f"more (about 4 months full time); you meet it from {day}" in said
    path = [text(step) for step in cdms.locator("ol.path > li").all()]
    assert path[0] == (
        f"{day} Keep working as a disability or return-to-work manager — you reach 2,080 hours "
        f"in the last 3 years on {day}."
    )
    assert path[1].startswith(f"{day} Apply to The Commission (formerly CCMC) from {day}")
    assert "$235 application fee plus $195 exam fee" in path[1]
    source = Source.objects.get(code="cdms-org")
    assert f"CDMS certification — verified on {long_date(source.verified_on)}" in open_sources(
        page, "cdms"
    )
    assert "could not be checked" not in said  # its rules are verified on the body's page
    shoot(cdms, "dm-cdms-card")

    # Reopening the work step from the results keeps every answer; saving changes nothing.
    change(page, "work history")
    assert page.locator("#id_work-entries-0-role").input_value() == "disability-manager"
    assert page.locator("#id_work-entries-0-setting").input_value() == "employer"
    assert page.locator("#id_work-entries-0-start").input_value() == start.isoformat()
    assert page.locator("#id_work-entries-0-ongoing").is_checked()
    assert page.locator("#id_work-entries-0-hours_per_week").input_value() == "40"
    press_button(page, "Save and see results")
    assert status(page, "cdms") == f"Eligible on {day}"
    change(page, "about you")
    assert page.locator("#id_about-attest_cdms-practice-domains_0").is_checked()
    assert page.locator("#id_about-attest_good-moral-character_0").is_checked()
    press_button(page, "See my results")
    assert status(page, "cdms") == f"Eligible on {day}"

    # The CDMS page: every fact with its page, the day it was checked and how far to trust
    # it, and a link to the Commission's own site.
    card(page, "cdms").locator("details.sources summary").click()
    with page.expect_navigation():
        page.get_by_role(
            "link", name="All requirements of Certified Disability Management Specialist (CDMS)"
        ).click()
    assert page.locator("h1").inner_text() == "Certified Disability Management Specialist (CDMS)"
    body = CertifyingBody.objects.get(code="ccmc")
    own_site = page.get_by_role("link", name="The Commission (formerly CCMC)'s own site")
    assert own_site.get_attribute("href") == body.url
    checked = long_date(source.verified_on)
    facts = text(page.locator("section[aria-labelledby=exam-heading]"))
    assert (
        f"Verified Fees from CDMS certification (The Commission (formerly CCMC)), checked on "
        f"{checked}." in facts
    )
    assert "Verified Exam windows from CDMS certification" in facts
    assert f"last verified on {checked}" in text(page.locator("ul.sources"))
    page.screenshot(path=str(SHOTS / "dm-cdms-page.png"), full_page=True)


# --- a social worker with a master's and NASW's credentials ---------------------------------


@pytest.mark.parametrize("route", ["licence", "aswb-exam"])
def test_a_social_worker_with_a_masters_sees_the_nasw_credentials_dated(site, page, route):
    today = dt.date.today()
    msw = months_before(today, 30)
    before = {
        "role": "case-manager", "setting": "community",
        "start": months_before(today, 60).isoformat(), "end": months_before(today, 36).isoformat(),
        "ongoing": False, "hours_per_week": "40",
    }  # fmt: skip
    start = months_before(today, 14)
    after = {
        "role": "case-manager", "setting": "community", "start": start.isoformat(),
        "ongoing": True, "hours_per_week": "40",
    }  # fmt: skip
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(f"{site}/assess/licences/")

    # 1. A social work licence, or none and the ASWB Masters exam on the next step.
    if route == "licence":
        fill_entry(page, "licences", 0, {"type": "social-worker"})
    press_button(page, "Continue")
    # 2. The MSW, with the day it was finished: only work after it counts.
    fill_entry(page, "education", 0, {"level": "master", "field": "social-work",
                                      "completed": msw.isoformat()})  # fmt: skip
    if route == "aswb-exam":
        page.get_by_label("ASWB Masters exam (passed)").check()
    press_button(page, "Continue")
    # 3. Case management before the degree, and since.
    fill_entry(page, "work", 0, before)
    press_button(page, "Add another job")
    fill_entry(page, "work", 1, after)
    press_button(page, "Continue")
    # 4. 20 hours of case management CE.
    ce = {"topic": "case-management", "hours": "20",
          "completed": months_before(today, 3).isoformat()}  # fmt: skip
    fill_entry(page, "training", 0, ce)
    press_button(page, "Continue")
    # 5. The NASW code is asked of her, the CDMS practice areas are not.
    assert page.get_by_text("Do you agree to follow the NASW Code of Ethics").is_visible()
    answer_about(page, {"good-moral-character", "nasw-code-of-ethics"})
    press_button(page, "See my results")

    # C-ASWCM: 3,000 hours after the MSW; C-SWCM: 4,500. Only the job since the degree counts.
    advanced, basic = long_date(reached(start, 3000)), long_date(reached(start, 4500))
    assert status(page, "c-aswcm") == f"Eligible on {advanced}"
    assert status(page, "c-swcm") == f"Eligible on {basic}"
    aswcm = card(page, "c-aswcm")
    said = text(aswcm)
    assert re.search(r"— [\d,]+ of 3,000 hours: [\d,]+ more", said), said
    assert f"only work since {long_date(msw)} (when you completed it) counts" in said
    assert "ended before you completed your degree" in said  # the job before the MSW
    met = (
        "A social work licence" if route == "licence" else "A passed ASWB masters or clinical exam"
    )
    assert f"{met} you meet this" in said
    assert "Agree to the NASW Code of Ethics and case management standards you meet this" in said
    path = [text(step) for step in aswcm.locator("ol.path > li").all()]
    assert path[0] == (
        f"{advanced} Keep working as a case manager — you reach 3,000 hours on {advanced}."
    )
    assert path[1].startswith(f"{advanced} Apply to")
    assert path[-1] == "Once certified, renew every 2 years."
    basic_path = [text(step) for step in card(page, "c-swcm").locator("ol.path > li").all()]
    assert basic_path[0].startswith(f"{basic} Keep working as a case manager")
    # NASW's rules come from a secondary page: said on the card and at its source.
    assert (
        "These rules could not be checked on the National Association of Social Workers' own "
        "pages: confirm them with the National Association of Social Workers before you apply."
        in said
    )
    assert "Workers's" not in text(page.locator("main"))
    assert "NASW professional social work credentials — secondary source" in open_sources(
        page, "c-aswcm"
    )
    shoot(aswcm, f"msw-{route}-c-aswcm-card")
    shoot(card(page, "c-swcm"), f"msw-{route}-c-swcm-card")
    shoot(page.locator("#answers"), f"msw-{route}-answers")

    # Reopening her education keeps the degree, its day and the exam; so does saving it.
    change(page, "education and credentials")
    assert page.locator("#id_education-entries-0-level").input_value() == "master"
    assert page.locator("#id_education-entries-0-field").input_value() == "social-work"
    assert page.locator("#id_education-entries-0-completed").input_value() == msw.isoformat()
    exam = page.get_by_label("ASWB Masters exam (passed)")
    assert exam.is_checked() == (route == "aswb-exam")
    press_button(page, "Save and see results")
    assert status(page, "c-aswcm") == f"Eligible on {advanced}"
    assert status(page, "c-swcm") == f"Eligible on {basic}"
    # The work step reopens with both jobs, in order.
    change(page, "work history")
    assert page.locator("#id_work-entries-0-end").input_value() == before["end"]
    assert page.locator("#id_work-entries-1-start").input_value() == start.isoformat()
    assert page.locator("#id_work-entries-1-ongoing").is_checked()

    # The C-ASWCM page links to NASW's own site and says its rules are not verified.
    page.goto(f"{site}/certifications/c-aswcm/")
    body = CertifyingBody.objects.get(code="nasw")
    own_site = page.get_by_role("link", name="The National Association of Social Workers' own site")
    assert own_site.get_attribute("href") == body.url
    notice = text(page.locator(".notice-unverified"))
    assert "Confirm them with the National Association of Social Workers before you apply." in (
        notice
    )
    page.screenshot(path=str(SHOTS / f"msw-{route}-c-aswcm-page.png"), full_page=True)
