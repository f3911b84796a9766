"""Entries of the assessment as a person adds them, and answers the step warns about.

Every test reads the page as a browser submits it (tests/htmlforms.py), changes only what the
person changes, and posts that.
"""

import pytest

from eligibility.plans import PROFILE_SESSION_KEY
from tests.htmlforms import form_fields

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded", "fresh_rate_limits")]


def page_fields(client, url: str) -> dict[str, list[str]]:
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return form_fields(response.content.decode(), "wizard-form")


def press(client, url: str, fields: dict, button: str | None = None, value: str = "1"):
    """Submit the step's fields with `button` pressed (None: Continue); follow where it goes."""
    if button:
        fields = {**fields, button: [value]}
    return client.post(url, fields, follow=True)


def test_choosing_a_licence_and_adding_another_on_a_first_visit_keeps_the_first(client):
    fields = page_fields(client, "/assess/")
    fields["licences-entries-0-type"] = ["rn"]
    response = press(client, "/assess/licences/", fields, "add_entry")
    after = form_fields(response.content.decode(), "wizard-form")
    assert after["licences-entries-TOTAL_FORMS"] == ["2"]
    assert after["licences-entries-0-type"] == ["rn"]


def test_an_added_licence_starts_active_and_in_good_standing_as_the_first(client):
    first = page_fields(client, "/assess/licences/")
    first["licences-entries-0-type"] = ["rn"]
    response = press(client, "/assess/licences/", first, "add_entry")
    after = form_fields(response.content.decode(), "wizard-form")
    assert after["licences-entries-1-active"] == first["licences-entries-0-active"] == ["on"]
    assert after["licences-entries-1-good_standing"] == ["on"]


def test_an_added_job_starts_paid_and_supervised_and_counts_as_the_first(client):
    # Reach the work step as a person does: licences and education left empty.
    for step in ("licences", "education"):
        press(client, f"/assess/{step}/", page_fields(client, f"/assess/{step}/"))
    fields = page_fields(client, "/assess/work/")
    job = {"role": "nurse-case-manager", "setting": "hospital", "start": "2023-01-01",
           "hours_per_week": "40", "ongoing": "on"}  # fmt: skip
    for key, value in job.items():
        fields[f"work-entries-0-{key}"] = [value]
    response = press(client, "/assess/work/", fields, "add_entry")
    after = form_fields(response.content.decode(), "wizard-form")
    assert after["work-entries-1-paid"] == after["work-entries-0-paid"] == ["on"]
    assert after["work-entries-1-supervised"] == ["on"]
    # The second job filled in as the first, nothing else touched, counts the same.
    for key, value in {**job, "start": "2020-01-01", "ongoing": "", "end": "2022-12-31"}.items():
        after[f"work-entries-1-{key}"] = [value] if value else []
    press(client, "/assess/work/", {k: v for k, v in after.items() if v})
    saved = client.session["wizard_assessment_wizard"]["step_data"]["work"]
    assert saved["work-entries-1-paid"] == ["on"] and saved["work-entries-1-supervised"] == ["on"]


def test_an_expired_licence_marked_active_is_questioned_once_on_the_step(client):
    fields = page_fields(client, "/assess/licences/")
    fields["licences-entries-0-type"] = ["rn"]
    fields["licences-entries-0-expires"] = ["2025-03-03"]
    response = press(client, "/assess/licences/", fields)
    assert response.redirect_chain == []  # the step stays, to show the warning
    page = response.content.decode()
    assert "Please check this answer" in page
    assert "its expiry date, 3 March 2025, has passed, yet it is marked active" in page
    assert 'href="#id_licences-entries-0-expires"' in page
    # Continuing again keeps the answer as it is and moves on.
    again = press(client, "/assess/licences/", form_fields(page, "wizard-form"))
    assert again.redirect_chain[-1][0] == "/assess/education/"


def test_a_renewed_licence_with_its_new_date_is_not_questioned(client):
    fields = page_fields(client, "/assess/licences/")
    fields["licences-entries-0-type"] = ["rn"]
    fields["licences-entries-0-expires"] = ["2029-03-31"]
    response = press(client, "/assess/licences/", fields)
    assert response.redirect_chain[-1][0] == "/assess/education/"


def test_a_reopened_expired_licence_is_questioned_and_saving_it_unchanged_keeps_it(client):
    session = client.session
    profile = {"licenses": [{"type": "rn", "active": True, "expires": "2025-03-03"}]}
    session[PROFILE_SESSION_KEY] = profile
    session.save()
    response = client.get("/assess/licences/")
    assert "its expiry date, 3 March 2025, has passed" in response.content.decode()
    fields = form_fields(response.content.decode(), "wizard-form")
    done = press(client, "/assess/licences/", fields, "wizard_finish")
    assert done.redirect_chain[-1][0] == "/assess/results/"
    assert client.session[PROFILE_SESSION_KEY]["licenses"][0]["expires"] == "2025-03-03"


def test_an_unanswered_question_says_what_to_do_in_a_few_words(client):
    response = press(client, "/assess/about/", page_fields(client, "/assess/about/"))
    messages = [message for _, message in response.context["errors"]]
    assert messages == ["Good moral character: choose Yes or No."]
    assert "Choose Yes or No." in response.content.decode()  # at the question itself


def test_the_step_posts_to_its_own_address_so_the_answer_page_opens_at_its_top(client):
    """After "Add another", the page's URL ends in #entry-2; a form posting to "" kept that
    fragment and scrolled past the warning or error summary."""
    fields = page_fields(client, "/assess/licences/")
    fields["licences-entries-0-type"] = ["rn"]
    page = press(client, "/assess/licences/", fields, "add_entry").content.decode()
    assert 'action="/assess/licences/" id="wizard-form"' in page
