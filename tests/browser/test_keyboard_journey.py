"""A nurse answers all five steps with the keyboard alone, with and without JavaScript.

Only keys: Tab, Shift+Tab, Space, Enter, arrows and typing. Focus always starts at the top
of each new page and moves by tabbing; selects are set by typing the start of an option.
"""

import datetime as dt
from urllib.parse import urlsplit

import pytest

from .journeys import status
from .keyboard import focused, press_and_wait, tab_to, type_date


def expect_step(page, title: str) -> None:
    assert not page.title().startswith("Error"), page.locator("#error-summary").inner_text()
    assert page.locator("h1").inner_text().startswith(title), page.locator("h1").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_nurse_walks_the_whole_form_by_keyboard(site, new_page, javascript):
    page = new_page(java_script_enabled=javascript)
    today = dt.date.today()
    page.goto(f"{site}/assess/")

    # 1. Licences. The skip link is the first tab stop and moves focus into the main content.
    expect_step(page, "Licences")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    tab_to(page, id="id_licences-entries-0-type")
    page.keyboard.type("Registered")
    assert focused(page)["value"] == "rn"
    # "Active" and "in good standing" are ticked already; Tab past them to Continue.
    tab_to(page, id="id_licences-entries-0-active")
    assert focused(page)["checked"]
    tab_to(page, text="Continue")
    press_and_wait(page, "Enter")

    # 2. Education: a BSN from an accredited school; Enter in a field continues.
    expect_step(page, "Education and credentials")
    tab_to(page, id="id_education-entries-0-level")
    page.keyboard.type("Bach")
    assert focused(page)["value"] == "bachelor"
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_education-entries-0-field"
    page.keyboard.press("ArrowDown")  # "Choose…" → the first field, Nursing
    assert focused(page)["value"] == "nursing"
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["id"] == "id_education-entries-0-accredited" and now["checked"]  # ticked already
    press_and_wait(page, "Enter")  # implicit submission: the hidden default "Continue"

    # 3. Work: nurse case manager in a hospital for five years, still there, 40 h a week.
    expect_step(page, "Work history")
    tab_to(page, id="id_work-entries-0-role")
    page.keyboard.type("Nurse")
    assert focused(page)["value"] == "nurse-case-manager"
    page.keyboard.press("Tab")
    page.keyboard.type("Hosp")
    assert focused(page)["value"] == "hospital"
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_work-entries-0-start"
    start = today - dt.timedelta(days=5 * 365)
    type_date(page, start)
    assert focused(page)["value"] == start.isoformat()
    tab_to(page, id="id_work-entries-0-ongoing")  # past the rest of start and the end date
    page.keyboard.press("Space")
    assert focused(page)["checked"]
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_work-entries-0-hours_per_week"
    page.keyboard.type("40")
    page.keyboard.press("Shift+Tab")  # back one stop: the box is still ticked
    assert focused(page)["id"] == "id_work-entries-0-ongoing" and focused(page)["checked"]
    page.keyboard.press("Tab")
    assert focused(page)["value"] == "40"
    press_and_wait(page, "Enter")

    # 4. Continuing education: 30 h of nursing case management a year ago.
    expect_step(page, "Continuing education")
    tab_to(page, id="id_training-entries-0-topic")
    page.keyboard.type("Nursing")
    assert focused(page)["value"] == "nursing-case-management"
    page.keyboard.press("Tab")
    page.keyboard.type("30")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_training-entries-0-completed"
    completed = today - dt.timedelta(days=365)
    type_date(page, completed)
    assert focused(page)["value"] == completed.isoformat()
    tab_to(page, text="Continue")
    press_and_wait(page, "Space")  # Space presses a button too

    # 5. About you: the attestation radios move with the arrow keys.
    expect_step(page, "About you")
    tab_to(page, id="id_about-references")
    assert focused(page)["value"] == "0"
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_about-attest_good-moral-character_0"  # "Yes"
    page.keyboard.press("ArrowDown")
    assert focused(page)["id"] == "id_about-attest_good-moral-character_1"  # "No"
    assert focused(page)["checked"]
    page.keyboard.press("ArrowUp")
    assert focused(page)["id"] == "id_about-attest_good-moral-character_0"
    assert focused(page)["checked"]
    # The next questions (CMC's duties, whether ANCC takes new CCCTM candidates) are not hers
    # to claim: Tab into each, and the arrow key moves to "No" and chooses it.
    page.keyboard.press("Tab")
    while focused(page)["id"].startswith("id_about-attest_"):
        page.keyboard.press("ArrowDown")
        assert focused(page)["id"].endswith("_1") and focused(page)["checked"]
        page.keyboard.press("Tab")
    tab_to(page, text="See my results")
    press_and_wait(page, "Enter")

    # Results: Nursing Case Management (CMGT-BC) is open to her today.
    assert urlsplit(page.url).path == "/assess/results/", page.url
    assert "Nursing Case Management" in page.locator("#cert-cmgt-bc").inner_text()
    assert status(page, "cmgt-bc") == "Eligible now"
