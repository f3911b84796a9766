"""A client's page shows the answers of their latest assessment, each step with a link to the
advisor's update of that step."""

from tests.answers_page import answers_summary
from tests.htmlforms import form_fields
from tests.test_answers_summary import CCCTM_OPEN, CLEAN_RECORD, CMC_CORE

from .conftest import add_client, nurse

STEPS = {
    "licences": "Licences",
    "education": "Education and credentials",
    "work": "Work history",
    "training": "Continuing education",
    "about": "About you",
}


def test_the_client_page_shows_the_answers_in_words(login, advisor):
    rita = add_client(advisor.organisation, advisor, "Rita Ready", nurse())
    page = login(advisor).get(f"/advisor/clients/{rita.pk}/").content.decode()
    summary = answers_summary(page)
    assert summary.heading == "Answers in this assessment"
    assert summary.groups == {
        "Licences": ["Registered nurse (RN), active, in good standing, no expiry date given"],
        "Education and credentials": [
            "Bachelor's degree in nursing, from an accredited school or programme",
            "Certifications, exams and courses: Certified Rehabilitation Counselor (CRC)",
        ],
        "Work history": [
            "Nurse case manager (hospital), 40 hours a week, since 1 January 2023, paid, "
            "supervised, supervisor holds Board-Certified Case Manager (CCM)"
        ],
        "Continuing education": ["12 hours of nursing case management, completed 1 June 2025"],
        "About you": [
            "Professional references: 0",
            CLEAN_RECORD + " Yes",
            CMC_CORE + " No",
            CCCTM_OPEN + " No",
        ],
    }


def test_each_change_link_opens_that_step_of_the_advisors_update(login, advisor):
    rita = add_client(advisor.organisation, advisor, "Rita Ready", nurse())
    browser = login(advisor)
    summary = answers_summary(browser.get(f"/advisor/clients/{rita.pk}/").content.decode())
    assert summary.links == {
        f"Change {title.lower()}": f"/advisor/clients/{rita.pk}/assessment/{step}/"
        for step, title in STEPS.items()
    }
    page = browser.get(summary.links["Change work history"]).content.decode()
    assert "Assessment of <strong>Rita Ready</strong>" in page
    assert form_fields(page, "wizard-form")["work-entries-0-role"] == ["nurse-case-manager"]


def test_a_client_without_an_assessment_has_no_summary(login, advisor):
    una = add_client(advisor.organisation, advisor, "Una Unassessed")
    page = login(advisor).get(f"/advisor/clients/{una.pk}/").content.decode()
    assert 'id="answers"' not in page
    assert "No assessment yet" in page


def test_the_client_page_takes_as_many_queries_as_before_the_summary(
    login, advisor, django_assert_max_num_queries
):
    rita = add_client(advisor.organisation, advisor, "Rita Ready", nurse())
    browser = login(advisor)
    browser.get(f"/advisor/clients/{rita.pk}/")  # the snapshot is cached
    with django_assert_max_num_queries(8):  # today's count, before the summary
        response = browser.get(f"/advisor/clients/{rita.pk}/")
    assert "Change licences" in answers_summary(response.content.decode()).links
