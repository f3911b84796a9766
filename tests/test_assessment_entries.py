"""Entries of the assessment as a person adds them, and answers the step warns about.

Every test reads the page as a browser submits it (tests/htmlforms.py), changes only what the
person changes, and posts that.
"""

import pytest

from eligibility.plans import PROFILE_SESSION_KEY
from tests.answers_page import answers_summary
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
    assert messages == [
        "Good moral character: choose Yes or No.",
        "Every core care management function, with supervision: choose Yes or No.",
    ]
    assert "Choose Yes or No." in response.content.decode()  # at the question itself


def test_the_step_posts_to_its_own_address_so_the_answer_page_opens_at_its_top(client):
    """After "Add another", the page's URL ends in #entry-2; a form posting to "" kept that
    fragment and scrolled past the warning or error summary."""
    fields = page_fields(client, "/assess/licences/")
    fields["licences-entries-0-type"] = ["rn"]
    page = press(client, "/assess/licences/", fields, "add_entry").content.decode()
    assert 'action="/assess/licences/" id="wizard-form"' in page


# --- a degree's completion date, and the questions of SPEC §3b -----------------------------


def continue_from(client, step: str, **changes) -> object:
    """Open `step`, change what the person changes (field name without the step's prefix:
    value, or None to clear it), and press Continue."""
    fields = page_fields(client, f"/assess/{step}/")
    for name, value in changes.items():
        key = f"{step}-{name}"
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value if isinstance(value, list) else [value]
    return press(client, f"/assess/{step}/", fields)


def test_the_degree_entry_asks_when_it_was_finished_and_says_why(client):
    page = client.get("/assess/education/").content.decode()
    fields = form_fields(page, "wizard-form")
    assert fields["education-entries-0-completed"] == [""]  # empty unless the person knows it
    assert 'type="date" name="education-entries-0-completed"' in page
    assert "Some credentials count only work done after the degree." in page


def test_a_degree_entered_with_the_day_it_was_finished_is_saved_with_that_day(client):
    continue_from(client, "licences")
    moved = continue_from(
        client, "education", **{"entries-0-level": "master", "entries-0-field": "social-work",
                                "entries-0-completed": "2019-06-01"},
    )  # fmt: skip
    assert moved.redirect_chain[-1][0] == "/assess/work/"
    continue_from(client, "work")
    continue_from(client, "training")
    done = continue_from(client, "about", **{
        "attest_good-moral-character": "yes", "attest_nasw-code-of-ethics": "no",
        "attest_cmc-core-functions": "no"})  # fmt: skip
    assert done.redirect_chain[-1][0] == "/assess/results/"
    degree = client.session[PROFILE_SESSION_KEY]["degrees"][0]
    assert degree["completed"] == "2019-06-01"
    said = answers_summary(done.content.decode()).groups["Education and credentials"]
    assert said[0] == (
        "Master's degree in social work, from an accredited school or programme, "
        "finished 1 June 2019"
    )


def test_a_degree_left_without_its_day_is_saved_without_one(client):
    continue_from(client, "licences")
    continue_from(client, "education", **{"entries-0-level": "bachelor",
                                          "entries-0-field": "nursing"})  # fmt: skip
    saved = client.session["wizard_assessment_wizard"]["step_data"]["education"]
    assert saved["education-entries-0-completed"] == [""]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        # A browser without a date picker sends what was typed.
        ("June 2019", "Degree 1: Date finished must be a date like 2026-11-23"),
        ("2019-02-30", "Degree 1: Date finished must be a date like 2026-11-23"),
        ("2199-06-01", "Degree 1: Date finished is in the future: add a degree once you have "
                       "finished it"),
    ],
)  # fmt: skip
def test_a_bad_degree_date_is_shown_at_its_field_and_in_the_summary(client, typed, message):
    response = continue_from(
        client, "education", **{"entries-0-level": "bachelor", "entries-0-field": "nursing",
                                "entries-0-completed": typed},
    )  # fmt: skip
    assert response.redirect_chain == []
    assert response.context["errors"] == [("id_education-entries-0-completed", message)]
    page = response.content.decode()
    assert 'href="#id_education-entries-0-completed"' in page
    assert f'value="{typed}"' in page  # kept, to correct


def test_the_education_step_lists_the_aswb_exams_and_the_managed_care_course_and_says_why(
    client,
):
    page = client.get("/assess/education/").content.decode()
    names = ("ASWB Bachelors exam (passed)", "ASWB Masters exam (passed)",
             "ASWB Clinical exam (passed)", "Managed Care Nursing course (completed)")  # fmt: skip
    for name in names:
        assert name in page, name
    assert "tick the ASWB exam you passed, even without a licence" in page


def test_the_work_step_offers_disability_management_counseling_and_an_employers_programme(
    client,
):
    page = client.get("/assess/work/").content.decode()
    assert '<option value="disability-manager">Disability or return-to-work manager' in page
    assert '<option value="counselor">Counselor</option>' in page
    assert '<option value="employer">Employer' in page


def about_questions(client) -> set[str]:
    fields = client.get("/assess/about/").context["form"].fields
    return {name.removeprefix("attest_") for name in fields if name.startswith("attest_")}


def test_a_nurse_is_not_asked_the_social_work_or_disability_management_questions(client):
    continue_from(client, "licences", **{"entries-0-type": "rn"})
    continue_from(client, "education", **{"entries-0-level": "bachelor",
                                          "entries-0-field": "nursing"})  # fmt: skip
    # CCCTM's question is for RNs; CMC's is asked of everyone (its routes take any bachelor's).
    assert about_questions(client) == {
        "good-moral-character", "cmc-core-functions", "ccctm-new-applications-open"}  # fmt: skip


def test_a_social_worker_is_asked_to_agree_to_the_nasw_code(client):
    continue_from(client, "licences", **{"entries-0-type": "social-worker"})
    assert about_questions(client) == {
        "good-moral-character", "cmc-core-functions", "nasw-code-of-ethics"}  # fmt: skip
    page = client.get("/assess/about/").content.decode()
    assert "NASW asks this of everyone who applies" in page


def test_a_disability_manager_is_asked_about_the_cdms_practice_areas(client):
    continue_from(client, "licences")
    continue_from(client, "education")
    continue_from(client, "work", **{
        "entries-0-role": "disability-manager", "entries-0-setting": "employer",
        "entries-0-start": "2022-01-01", "entries-0-ongoing": "on",
        "entries-0-hours_per_week": "40"})  # fmt: skip
    assert about_questions(client) == {
        "good-moral-character", "cmc-core-functions", "cdms-practice-domains"}  # fmt: skip


def test_a_saved_yes_to_a_question_not_asked_of_this_person_is_shown_and_kept(client):
    session = client.session
    session[PROFILE_SESSION_KEY] = {"attestations": ["good-moral-character",
                                                     "cdms-practice-domains"]}  # fmt: skip
    session.save()
    fields = page_fields(client, "/assess/about/")
    assert fields["about-attest_cdms-practice-domains"] == ["yes"]
    press(client, "/assess/about/", fields, "wizard_finish")
    assert client.session[PROFILE_SESSION_KEY]["attestations"] == [
        "good-moral-character", "cdms-practice-domains"]  # fmt: skip


def test_a_supervisor_is_asked_about_only_the_certifications_a_rule_asks_of_one(client):
    page = client.get("/assess/work/").content.decode()
    box = 'name="work-entries-0-supervisor_credentials" value="{}"'
    # ACM asks for a CCM supervisor, the CRC for a CRC one; no rule asks for any other.
    assert box.format("ccm") in page and box.format("crc") in page
    for code in ("cdms", "acm", "aswb-bachelors", "aswb-clinical", "aamcn-managed-care-course"):
        assert box.format(code) not in page, code


def test_a_saved_supervisor_exam_is_still_shown_and_kept(client):
    session = client.session
    job = {"role": "case-manager", "setting": "hospital", "start": "2023-01-01",
           "hours_per_week": 40, "supervisor_credentials": ["aswb-clinical"]}  # fmt: skip
    session[PROFILE_SESSION_KEY] = {"experience": [job]}
    session.save()
    fields = page_fields(client, "/assess/work/")
    assert fields["work-entries-0-supervisor_credentials"] == ["aswb-clinical"]
    press(client, "/assess/work/", fields, "wizard_finish")
    saved = client.session[PROFILE_SESSION_KEY]["experience"][0]
    assert saved["supervisor_credentials"] == ["aswb-clinical"]


def test_a_question_that_comes_to_matter_later_is_asked_before_the_results(client):
    # A nurse finishes; back on the education step she adds a social work degree and saves
    # from there: the NASW question now concerns her, so the About step asks it first.
    continue_from(client, "licences", **{"entries-0-type": "rn"})
    continue_from(client, "education", **{"entries-0-level": "bachelor",
                                          "entries-0-field": "nursing"})  # fmt: skip
    continue_from(client, "work")
    continue_from(client, "training")
    done = continue_from(client, "about", **{
        "attest_good-moral-character": "yes", "attest_cmc-core-functions": "no",
        "attest_ccctm-new-applications-open": "no"})  # fmt: skip
    assert done.redirect_chain[-1][0] == "/assess/results/"
    fields = page_fields(client, "/assess/education/")
    fields["education-entries-0-field"] = ["social-work"]
    response = press(client, "/assess/education/", fields, "wizard_finish")
    assert response.redirect_chain[-1][0] == "/assess/about/"
    messages = [message for _, message in response.context["errors"]]
    assert messages == ["NASW Code of Ethics and case management standards: choose Yes or No."]
