"""The self-assessment at /assess/: five steps, validation, back and forth, editing, results."""

import re

import pytest

from eligibility.catalog import get_snapshot
from eligibility.plans import PROFILE_SESSION_KEY
from tests.conftest import NEW_QUESTIONS_NO

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

MANAGEMENT = "assessment_wizard-current_step"


def entries(step: str, *rows: dict) -> dict:
    data = {f"{step}-entries-TOTAL_FORMS": str(len(rows)), f"{step}-entries-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{step}-entries-{i}-{key}"] = value
    return data


RN = {"type": "rn", "active": "on", "good_standing": "on"}
BSN = {"level": "bachelor", "field": "nursing", "accredited": "on"}
NCM_JOB = {
    "role": "nurse-case-manager", "setting": "hospital", "start": "2023-01-01", "ongoing": "on",
    "hours_per_week": "40", "paid": "on", "supervised": "on",
}  # fmt: skip
CE = {"topic": "nursing-case-management", "hours": "30", "completed": "2025-06-01"}
ANSWERS = {
    "licences": entries("licences", RN),
    "education": entries("education", BSN),
    "work": entries("work", NCM_JOB),
    "training": entries("training", CE),
    "about": {
        "about-references": "0",
        "about-attest_good-moral-character": "yes",
        **NEW_QUESTIONS_NO,
    },
}


def post(client, step: str, data: dict, **extra):
    """Submit a step the way a browser does: from that step's page."""
    client.get(f"/assess/{step}/")
    return client.post(f"/assess/{step}/", {MANAGEMENT: step, **data, **extra})


def complete(client, answers=ANSWERS):
    client.get("/assess/")
    for step, data in answers.items():
        response = post(client, step, data)
        assert response.status_code == 302, (step, response.context and response.context["errors"])
    return client.get(response["Location"], follow=True)


def chips(response) -> list[str]:
    return re.findall(r'<strong class="chip[^"]*">([^<]*)</strong>', response.content.decode())


def test_it_starts_at_the_licences_step(client):
    response = client.get("/assess/", follow=True)
    assert response.redirect_chain[-1][0] == "/assess/licences/"
    page = response.content.decode()
    assert "Licences" in page and "Step 1 of 5" in page
    assert "Clinical social worker (LCSW, LICSW)" in page  # choices come from the catalog


def test_a_nurse_completes_every_step_and_sees_her_results(client):
    response = complete(client)
    assert response.redirect_chain[-1][0] == "/assess/results/"
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nursing Case Management" in page
    assert chips(response).count("Eligible now") == 3  # CCM, ACM and CMGT-BC
    assert client.session[PROFILE_SESSION_KEY]["experience"][0]["end"] is None


def test_an_end_date_before_the_start_is_shown_at_the_field_and_in_the_summary(client):
    client.get("/assess/")
    bad = {**NCM_JOB, "ongoing": "", "end": "2022-01-01"}
    response = post(client, "work", entries("work", bad))
    assert response.status_code == 200
    end_error = ("id_work-entries-0-end", "Job 1: End date is before the start date")
    assert end_error in response.context["errors"]
    page = response.content.decode()
    assert 'href="#id_work-entries-0-end"' in page
    assert "End date is before the start date" in page


def test_a_job_needs_an_end_date_or_still_working_there(client):
    client.get("/assess/")
    response = post(client, "work", entries("work", {**NCM_JOB, "ongoing": ""}))
    assert ("id_work-entries-0-end", "Job 1: End date is required unless you still work here") in (
        response.context["errors"]
    )


def test_hours_a_week_out_of_range_use_the_same_message_as_the_api(client):
    client.get("/assess/")
    response = post(client, "work", entries("work", {**NCM_JOB, "hours_per_week": "90"}))
    assert ("id_work-entries-0-hours_per_week", "Job 1: Hours a week must be between 1 and 80") in (
        response.context["errors"]
    )


def test_an_untouched_blank_entry_is_ignored(client):
    client.get("/assess/")
    blank = {"active": "on", "good_standing": "on"}
    response = post(client, "licences", entries("licences", blank))
    assert response.status_code == 302


def test_add_another_keeps_the_answers_and_adds_an_empty_entry(client):
    client.get("/assess/")
    response = post(client, "work", entries("work", NCM_JOB), add_entry="1")
    assert response.status_code == 302 and response["Location"].endswith("/assess/work/#entry-2")
    page = client.get("/assess/work/").content.decode()
    assert 'value="2023-01-01"' in page
    assert "Job 2" in page


def test_remove_takes_out_one_entry_and_keeps_the_others(client):
    client.get("/assess/")
    second = {**NCM_JOB, "start": "2020-05-01", "ongoing": "", "end": "2022-12-31"}
    post(client, "work", entries("work", NCM_JOB, second), remove_entry="0")
    page = client.get("/assess/work/").content.decode()
    assert 'value="2020-05-01"' in page and 'value="2023-01-01"' not in page
    assert "Job 2" not in page


def test_back_keeps_what_was_typed_on_the_step(client):
    client.get("/assess/")
    post(client, "licences", ANSWERS["licences"])
    response = post(client, "education", ANSWERS["education"], wizard_goto_step="licences")
    assert response.status_code == 302 and response["Location"] == "/assess/licences/"
    page = client.get("/assess/education/").content.decode()
    assert 'value="bachelor" selected' in page


def test_every_step_can_be_reopened_from_the_results_with_the_answers_in_place(client):
    complete(client)
    page = client.get("/assess/work/").content.decode()
    assert 'value="2023-01-01"' in page
    # Change the hours and finish straight from this step.
    changed = entries("work", {**NCM_JOB, "hours_per_week": "20"})
    response = post(client, "work", changed, wizard_finish="1")
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0] == "/assess/results/"
    assert client.session[PROFILE_SESSION_KEY]["experience"][0]["hours_per_week"] == 20


def test_the_attestation_is_asked_as_a_plain_question(client):
    client.get("/assess/")
    response = post(client, "about", {"about-references": "0"})
    assert response.status_code == 200
    assert any("choose Yes or No" in message for _, message in response.context["errors"])


def test_results_without_answers_send_the_person_to_the_start(client):
    response = client.get("/assess/results/")
    assert response.status_code == 302 and response["Location"] == "/assess/"


def test_the_results_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    complete(client)
    with django_assert_max_num_queries(4):
        response = client.get("/assess/results/")
    assert response.status_code == 200


def test_a_form_step_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.get("/assess/")
    with django_assert_max_num_queries(6):
        response = client.get("/assess/work/")
    assert response.status_code == 200


def test_a_malformed_remove_button_changes_nothing(client):
    client.get("/assess/")
    second = {**NCM_JOB, "start": "2020-05-01", "ongoing": "", "end": "2022-12-31"}
    response = post(client, "work", entries("work", NCM_JOB, second), remove_entry="-1")
    assert response.status_code == 302
    page = client.get("/assess/work/").content.decode()
    assert 'value="2020-05-01"' in page and 'value="2023-01-01"' in page


def test_a_posted_entry_count_beyond_a_profile_is_refused_and_named(client):
    client.get("/assess/")
    response = client.post(
        "/assess/licences/",
        {MANAGEMENT: "licences", "licences-entries-TOTAL_FORMS": "100000",
         "licences-entries-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "Licences: add at most 100 (this list has too many)" in page
    assert page.count('<fieldset class="entry"') <= 100


def test_a_list_sent_without_its_counts_is_refused_in_words(client):
    client.get("/assess/")
    response = client.post("/assess/licences/", {MANAGEMENT: "licences"})
    assert "Licences: the list was sent incomplete; please try again" in response.content.decode()


def test_the_results_open_with_a_line_per_certification_linking_to_its_card(client):
    page = complete(client).content.decode()
    glance = page[page.index('id="glance-heading"') : page.index('id="certs-heading"')]
    links = re.findall(r'<a href="#(cert-[a-z-]+)">([^<]+)</a>', glance)
    assert [name for _, name in links][0] == "Board-Certified Case Manager (CCM)"
    assert len(links) == len(get_snapshot().certifications)
    for anchor, _ in links:
        assert f'id="{anchor}"' in page
    assert "Apply now." in glance
