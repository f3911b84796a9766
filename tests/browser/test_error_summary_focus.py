"""After a step is sent back with mistakes, the focus is on the error summary, first in the
main content, with JavaScript and without: a keyboard or screen reader user starts at the list
of what to correct (the focus stayed on the page's body, at its top, before)."""

import pytest

from .journeys import fill_entry, press_button
from .keyboard import focused, press_and_wait

BAD_JOB = {
    "role": "case-manager", "setting": "hospital", "start": "2024-05-01", "end": "2023-05-01",
    "ongoing": False, "hours_per_week": "40",
}  # fmt: skip
END = "id_work-entries-0-end"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_failed_step_puts_the_focus_on_its_error_summary(site, new_page, javascript):
    page = new_page(java_script_enabled=javascript)
    refusals = []
    page.on("console", lambda m: refusals.append(m.text) if "Content Security" in m.text else 0)
    page.goto(f"{site}/assess/work/")
    fill_entry(page, "work", 0, BAD_JOB)
    press_button(page, "Continue")

    assert page.title().startswith("Error: Work history")
    page.wait_for_function("document.activeElement.id === 'error-summary'")
    assert focused(page)["id"] == "error-summary"
    # First in the main content, before the step links and the form.
    first = page.evaluate("document.querySelector('main > *:not(.messages)').id")
    assert first == "error-summary"
    # Tab goes to its first link, and Enter on it to the field to correct.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Job 1: End date is before the start date"
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.activeElement.id === '{END}'")
    assert refusals == []


def test_a_step_without_mistakes_leaves_the_focus_at_the_top(site, page):
    page.goto(f"{site}/assess/work/")
    assert page.locator("#error-summary").count() == 0
    assert focused(page)["tag"] == "body"
    fill_entry(page, "work", 0, {**BAD_JOB, "end": "2025-05-01"})
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text().startswith("Continuing education")
    assert focused(page)["tag"] == "body"
