"""Helpers for journeys that use the mouse: fill a step, finish the assessment, read results."""

import calendar
import datetime as dt
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page

from tests.conftest import NEW_QUESTIONS_NO


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` calendar months earlier (clamped to month end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def long_date(day: dt.date) -> str:
    """The results' date format: "25 November 2027"."""
    return f"{day.day} {day:%B %Y}"


def fill_entry(page: Page, step: str, index: int, values: dict) -> None:
    """Answer one entry of a step ("work", 0, {"role": "case-manager", ...}).

    Selects take an option value, checkboxes True/False, the rest text (dates as YYYY-MM-DD).
    """
    for name, value in values.items():
        field = page.locator(f"#id_{step}-entries-{index}-{name}")
        kind = field.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
        if kind == "select":
            field.select_option(value)
        elif kind == "checkbox":
            field.set_checked(value)
        else:
            field.fill(value)


def press_button(page: Page, name: str) -> None:
    """Click a button that submits, and wait for the page it leads to."""
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def step_heading(page: Page) -> str:
    return page.locator("h1").inner_text()


def complete(page: Page, site: str, answers: dict) -> None:
    """Walk the five steps from the start with the mouse; ends on the results page.

    answers: {"licences": [entry, ...], "education": [...], "work": [...], "training": [...],
    "attest": "Yes" | "No"}; a missing step is left as it is (a blank entry is ignored).
    """
    page.goto(f"{site}/assess/licences/")
    for step in ("licences", "education", "work", "training"):
        entries = answers.get(step, [])
        for index, values in enumerate(entries):
            if index:
                press_button(page, f"Add another {ENTRY_NOUNS[step]}")
            fill_entry(page, step, index, values)
        press_button(page, "Continue")
        assert "Error" not in page.title(), page.locator("#error-summary").inner_text()
    answer_about(page, answers.get("attest", "Yes"), yes_to=answers.get("yes_to", ()))
    press_button(page, "See my results")
    assert urlsplit(page.url).path == "/assess/results/", page.url


# Questions a journey answers No unless it names them in `yes_to`: CRC's, CMC's and CCCTM's
# facts about a person's programme, duties or the board, which a journey about something else
# should not claim (the same questions the client tests answer No: tests/conftest.py).
NO_UNLESS_NAMED = tuple(name.removeprefix("about-attest_") for name in NEW_QUESTIONS_NO)


def answer_about(page: Page, answer: str = "Yes", yes_to=()) -> None:
    """Answer each question of the About step: `answer` ("Yes" or "No"), but No to those of
    NO_UNLESS_NAMED not in `yes_to` (a social worker is asked the clean-record and NASW's)."""
    for group in page.locator("fieldset:has(input[type=radio][name^='about-attest_'])").all():
        name = group.locator("input[type=radio]").first.get_attribute("name")
        code = name.removeprefix("about-attest_")
        said = "Yes" if code in yes_to else "No" if code in NO_UNLESS_NAMED else answer
        group.get_by_role("radio", name=said, exact=True).check()


ENTRY_NOUNS = {"licences": "licence", "education": "degree", "work": "job", "training": "course"}


def card(page: Page, code: str) -> Locator:
    """The result card of one certification."""
    return page.locator(f'article.result-card[aria-labelledby="cert-{code}"]')


def status(page: Page, code: str) -> str:
    """The status chip of one certification ("Eligible now", "Eligible on 3 May 2027", ...)."""
    return card(page, code).locator(".status .chip").inner_text().strip()
