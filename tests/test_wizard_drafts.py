"""What the wizard keeps of a step that is not right yet: typed answers survive leaving for
another page, a step left with a mistake says so, and finishing sends the person to it with the
problem named. Every post is what the step's page rendered, with only the person's changes."""

import pytest

from tests.conftest import NEW_QUESTIONS_NO
from tests.htmlforms import form_fields, single

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

JOB = {
    "work-entries-0-role": "case-manager",
    "work-entries-0-setting": "hospital",
    "work-entries-0-start": "2022-08-01",
    "work-entries-0-ongoing": "on",
    "work-entries-0-hours_per_week": "40",
}


def rendered(client, step: str) -> tuple[str, dict]:
    """The step's page and the values its form would send as it stands."""
    page = client.get(f"/assess/{step}/").content.decode()
    return page, single(form_fields(page, "wizard-form"))


def step_link(page: str, step: str) -> str:
    """The words of the step list's link to `step`."""
    start = page.index(f'value="{step}"')
    return page[start : page.index("</button>", start)]


def submit(client, step: str, changes: dict, drop: tuple[str, ...] = (), **button):
    _, fields = rendered(client, step)
    fields.update(changes)
    for name in drop:
        fields.pop(name, None)
    return client.post(f"/assess/{step}/", {**fields, **button})


def test_a_job_refused_by_continue_is_still_there_after_visiting_another_page(client):
    client.get("/assess/")
    refused = submit(client, "work", JOB, drop=("work-entries-0-setting",))
    assert refused.status_code == 200
    assert ("id_work-entries-0-setting", "Job 1: Setting is required") in refused.context["errors"]

    client.get("/certifications/")  # the person follows a link in the header, then returns
    page, fields = rendered(client, "work")

    assert fields["work-entries-0-role"] == "case-manager"
    assert fields["work-entries-0-start"] == "2022-08-01"
    assert fields["work-entries-0-hours_per_week"] == "40"
    assert "Setting is required" in page  # and it still says what is missing


def test_a_step_left_with_a_mistake_is_marked_not_finished_rather_than_answered(client):
    client.get("/assess/")
    submit(client, "work", {**JOB, "work-entries-0-hours_per_week": "200"},
           wizard_goto_step="training")  # fmt: skip
    page, _ = rendered(client, "training")
    work_link = step_link(page, "work")
    assert "(not finished)" in work_link
    assert "(answered)" not in work_link


def test_finishing_with_a_step_left_wrong_opens_it_with_the_problem_named(client):
    client.get("/assess/")
    for step in ("licences", "education"):
        assert submit(client, step, {}).status_code == 302
    assert submit(client, "work", JOB).status_code == 302
    assert submit(client, "training", {}).status_code == 302
    # Back on Work history, the person types 200 hours, then jumps to the last step.
    submit(client, "work", {"work-entries-0-hours_per_week": "200"}, wizard_goto_step="about")
    about = {"about-references": "0", "about-attest_good-moral-character": "yes",
             **NEW_QUESTIONS_NO}  # fmt: skip

    response = submit(client, "about", about)
    page = client.get(response["Location"], follow=True)

    assert page.request["PATH_INFO"] == "/assess/work/"
    text = page.content.decode()
    assert "Your results need this step put right first" in text
    assert 'href="#id_work-entries-0-hours_per_week"' in text
    assert "Hours a week must be between 1 and 80" in text
    assert 'value="200"' in text  # what they typed, to correct


def test_a_step_skipped_past_untouched_does_not_greet_the_person_with_errors_later(client):
    client.get("/assess/")
    # From the About step, untouched, the person goes to Work history by the step link.
    submit(client, "about", {}, wizard_goto_step="work")
    page, _ = rendered(client, "about")
    assert "problem" not in page.lower()
    assert "Choose Yes or No" not in page


def test_a_corrected_draft_counts_as_answered_again(client):
    client.get("/assess/")
    submit(client, "work", {**JOB, "work-entries-0-hours_per_week": "200"},
           wizard_goto_step="training")  # fmt: skip
    assert submit(client, "work", {"work-entries-0-hours_per_week": "40"}).status_code == 302
    page, _ = rendered(client, "training")
    work_link = step_link(page, "work")
    assert "(answered)" in work_link and "(not finished)" not in work_link


def test_the_error_summary_lists_a_jobs_problems_in_the_order_of_its_fields(client):
    client.get("/assess/")
    wrong = {**JOB, "work-entries-0-ongoing": "", "work-entries-0-start": "2023-06-01",
             "work-entries-0-end": "2023-05-01", "work-entries-0-hours_per_week": "0"}  # fmt: skip
    response = submit(client, "work", wrong, drop=("work-entries-0-ongoing",))
    assert [message for _, message in response.context["errors"]] == [
        "Job 1: End date is before the start date",
        "Job 1: Hours a week must be between 1 and 80",
    ]


def test_finishing_before_a_step_was_ever_answered_says_to_answer_it(client):
    client.get("/assess/")
    about = {"about-references": "0", "about-attest_good-moral-character": "yes",
             **NEW_QUESTIONS_NO}  # fmt: skip
    response = submit(client, "about", about)  # straight to the last step, by its address
    page = client.get(response["Location"], follow=True)
    assert page.request["PATH_INFO"] == "/assess/licences/"
    assert "Your results need this step answered first" in page.content.decode()
