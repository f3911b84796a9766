"""One anonymous post to a wizard step stored whatever it carried in the session row (2.3 MB
for a 2.3 MB field, kept two weeks). A step keeps only the fields its page has, each value
bounded (issue 14, item 7)."""

import random
import string

import pytest
from django.contrib.sessions.models import Session
from django.test import Client as Browser

from tests.htmlforms import form_fields, single

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded", "fresh_rate_limits")]

# Random letters: the session is compressed, so "x" * 2_300_000 would shrink to 3 KB.
HUGE = "".join(random.Random(14).choices(string.ascii_letters, k=2_300_000))
# A session of a few steps' answers is a few KB; the longest value kept (the "seen the
# warnings" field, 20,000 characters) stays well below this.
LIMIT = 50_000
BUTTONS = {
    "Continue": {},
    "Back": {"wizard_goto_step": "licences"},
    "Add another": {"add_entry": "1"},
    "Save and see results": {"wizard_finish": "1"},
}


def session_size(browser: Browser) -> int:
    return len(Session.objects.get(pk=browser.session.session_key).session_data)


def step_fields(browser: Browser, step: str) -> dict:
    return single(form_fields(browser.get(f"/assess/{step}/").content.decode(), "wizard-form"))


@pytest.mark.parametrize("button", list(BUTTONS))
def test_a_huge_unknown_field_is_not_kept_in_the_session(button):
    browser = Browser()
    browser.get("/assess/")
    fields = step_fields(browser, "education")
    browser.post("/assess/education/", {**fields, **BUTTONS[button], "padding": HUGE})
    assert session_size(browser) < LIMIT


@pytest.mark.parametrize(
    "button, field",
    [
        # A valid step is stored as it was posted: its "seen the warnings" field is known.
        ("Continue", "education-confirmed"),
        ("Back", "education-entries-0-level"),
        ("Add another", "education-entries-0-field"),
        ("Save and see results", "education-entries-0-level"),
    ],
)
def test_a_huge_value_of_a_known_field_is_kept_cut_short(button, field):
    browser = Browser()
    browser.get("/assess/")
    fields = step_fields(browser, "education")
    fields.update({"education-entries-0-level": "bachelor", "education-entries-0-field": "nursing"})
    browser.post("/assess/education/", {**fields, **BUTTONS[button], field: HUGE})
    assert session_size(browser) < LIMIT


def test_entries_beyond_a_profile_and_unknown_entry_fields_are_not_kept():
    browser = Browser()
    browser.get("/assess/")
    fields = step_fields(browser, "education")
    # Below Django's 1,000 fields a request, which it refuses by itself.
    junk = {f"education-entries-{i}-level": HUGE[i * 50 : i * 50 + 50] for i in range(100, 600)}
    junk.update({f"education-entries-0-x{i}": HUGE[i * 500 : i * 500 + 500] for i in range(300)})
    browser.post("/assess/education/", {**fields, "wizard_goto_step": "licences", **junk})
    assert session_size(browser) < LIMIT


def test_what_was_typed_is_still_kept_when_going_back():
    browser = Browser()
    browser.get("/assess/")
    fields = step_fields(browser, "education")
    fields.update({"education-entries-0-level": "bachelor", "education-entries-0-field": "nursing"})
    browser.post("/assess/education/", {**fields, "wizard_goto_step": "licences"})
    again = step_fields(browser, "education")
    assert again["education-entries-0-level"] == "bachelor"
    assert again["education-entries-0-field"] == "nursing"
