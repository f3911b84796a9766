"""A mistake is named at its field and in the summary at the top, and the link leads there."""

from .journeys import fill_entry, press_button
from .keyboard import focused, press_and_wait, tab_to

END = "id_work-entries-0-end"
BAD_JOB = {
    "role": "case-manager", "setting": "hospital", "start": "2024-05-01", "end": "2023-05-01",
    "ongoing": False, "hours_per_week": "40",
}  # fmt: skip


def active_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_an_end_date_before_the_start_is_shown_at_the_field_and_in_the_summary(site, page):
    page.goto(f"{site}/assess/work/")
    fill_entry(page, "work", 0, BAD_JOB)
    press_button(page, "Continue")

    assert page.title().startswith("Error: Work history")
    # At the field: marked invalid, the message tied to it by aria-describedby.
    end = page.locator(f"#{END}")
    assert end.get_attribute("aria-invalid") == "true"
    assert end.input_value() == "2023-05-01"  # what was typed stays
    described = end.get_attribute("aria-describedby").split()
    messages = " ".join(page.locator(f"#{i}").inner_text() for i in described)
    assert "End date is before the start date" in messages
    assert page.locator(f"#div_{END}").get_by_text("End date is before the start date").is_visible()

    # In the summary at the top, before the form.
    summary = page.locator("#error-summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.get_by_role("heading").inner_text() == "There is a problem with your answers"
    link = summary.get_by_role("link", name="Job 1: End date is before the start date")
    assert link.get_attribute("href") == f"#{END}"
    box_summary, box_form = summary.bounding_box(), page.locator("#wizard-form").bounding_box()
    assert box_summary["y"] < box_form["y"]

    # By keyboard: the page opens with the focus on the summary, whose link is the next tab
    # stop; Enter moves the focus to the end-date input.
    tab_to(page, text="Job 1: End date is before the start date")
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.activeElement.id === '{END}'")
    assert active_id(page) == END

    # With the mouse, from elsewhere on the page.
    page.keyboard.press("Shift+Tab")
    tab_to(page, text="Continue")
    assert active_id(page) != END
    link.click()
    page.wait_for_function(f"document.activeElement.id === '{END}'")
    assert active_id(page) == END


def test_correcting_the_date_clears_the_error(site, page):
    page.goto(f"{site}/assess/work/")
    fill_entry(page, "work", 0, BAD_JOB)
    press_button(page, "Continue")
    assert page.locator("#error-summary").is_visible()

    tab_to(page, id=END)
    page.keyboard.type("12312025")
    assert focused(page)["value"] == "2025-12-31"
    press_and_wait(page, "Enter")
    assert page.locator("#error-summary").count() == 0
    assert page.locator("h1").inner_text().startswith("Continuing education")
