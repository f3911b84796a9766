"""The summary of a person's answers on the results page and a saved plan, each step with a
link that changes it; and the site's icon."""

import pytest

from tests.answers_page import answers_summary
from tests.htmlforms import form_fields
from tests.test_assessment_wizard import ANSWERS, RN, complete, entries

# The About step's questions as the person read them: the summary answers each in its words.
CLEAN_RECORD = (
    "Is your record clean: no felony convictions, no licence or certification ever suspended, "
    "revoked or otherwise disciplined, and no dismissal from a job for misconduct?"
)
NASW_CODE = (
    "Do you agree to follow the NASW Code of Ethics and NASW's Standards for Social Work Case "
    "Management?"
)
CMC_CORE = (
    "Did your paid care management work include every core function NACCM lists (screening, a "
    "face-to-face comprehensive assessment, a care plan, coordinating and monitoring care, "
    "reassessment, discharge, documentation and quality evaluation), with at least 50 hours of "
    "supervision or consultation in each year?"
)
CCCTM_OPEN = "Has ANCC told you that it accepts first-time applications for the CCCTM?"
CDMS_AREAS = (
    "Does your work in disability or return-to-work management cover at least two of the four "
    "practice areas the CDMS application names?"
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

RN_2028 = {**RN, "expires": "2028-03-31"}
NURSE = {**ANSWERS, "licences": entries("licences", RN_2028)}
STEP_TITLES = {
    "licences": "Licences",
    "education": "Education and credentials",
    "work": "Work history",
    "training": "Continuing education",
    "about": "About you",
}


def test_the_results_show_every_answer_in_words_under_its_step(client):
    summary = answers_summary(complete(client, NURSE).content.decode())
    assert summary.heading == "Your answers"
    assert summary.groups == {
        "Licences": ["Registered nurse (RN), active, in good standing, expires 31 March 2028"],
        "Education and credentials": [
            "Bachelor's degree in nursing, from an accredited school or programme",
            "Certifications, exams and courses: none",
        ],
        "Work history": [
            "Nurse case manager (hospital), 40 hours a week, since 1 January 2023, paid, supervised"
        ],
        "Continuing education": ["30 hours of nursing case management, completed 1 June 2025"],
        "About you": [
            "Professional references: 0",
            CLEAN_RECORD + " Yes",
            CMC_CORE + " No",
            CCCTM_OPEN + " No",
        ],
    }


def test_each_step_of_the_summary_links_to_that_step_of_the_wizard(client):
    summary = answers_summary(complete(client, NURSE).content.decode())
    assert summary.links == {
        f"Change {title.lower()}": f"/assess/{step}/" for step, title in STEP_TITLES.items()
    }


def test_change_licences_opens_the_licence_as_it_was_entered(client):
    summary = answers_summary(complete(client, NURSE).content.decode())
    page = client.get(summary.links["Change licences"])
    assert page.status_code == 200
    fields = form_fields(page.content.decode(), "wizard-form")
    # NB: the first step reopening empty is the lead's bug (issue 13, items 1-2); if only
    # this assertion fails, that fix has not landed yet.
    assert fields["licences-entries-0-type"] == ["rn"]
    assert fields["licences-entries-0-expires"] == ["2028-03-31"]


def test_change_work_history_opens_the_job_and_saving_keeps_the_summary(client):
    summary = answers_summary(complete(client, NURSE).content.decode())
    page = client.get(summary.links["Change work history"]).content.decode()
    fields = form_fields(page, "wizard-form")
    assert fields["work-entries-0-role"] == ["nurse-case-manager"]
    fields["work-entries-0-hours_per_week"] = ["32"]  # the only thing she changes
    response = client.post("/assess/work/", {**fields, "wizard_finish": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == "/assess/results/"
    results = response.content.decode()
    assert answers_summary(results).groups["Work history"] == [
        "Nurse case manager (hospital), 32 hours a week, since 1 January 2023, paid, supervised"
    ]


def test_a_saved_plan_shows_the_answers_and_each_change_goes_through_the_plan(client):
    complete(client, NURSE)
    plan = client.post("/assess/save/", follow=True)
    token = plan.redirect_chain[-1][0].split("/")[2]
    summary = answers_summary(plan.content.decode())
    assert summary.groups["Licences"] == [
        "Registered nurse (RN), active, in good standing, expires 31 March 2028"
    ]
    assert summary.buttons["Change work history"] == (f"/plan/{token}/edit/", "work")
    assert set(summary.buttons) == {f"Change {t.lower()}" for t in STEP_TITLES.values()}

    client.post("/assess/restart/")  # another browser, or days later: only the plan is left
    response = client.post(f"/plan/{token}/edit/", {"step": "work"})
    assert response.status_code == 302 and response["Location"] == "/assess/work/"
    fields = form_fields(client.get("/assess/work/").content.decode(), "wizard-form")
    assert fields["work-entries-0-role"] == ["nurse-case-manager"]


def test_a_plan_change_for_an_unknown_step_starts_at_the_first_step(client):
    complete(client, NURSE)
    token = client.post("/assess/save/")["Location"].split("/")[2]
    response = client.post(f"/plan/{token}/edit/", {"step": "nonsense"})
    assert response["Location"] == "/assess/licences/"


def test_the_results_page_takes_no_more_queries_with_the_summary(
    client, django_assert_max_num_queries
):
    complete(client, NURSE)
    with django_assert_max_num_queries(4):  # as before the summary
        response = client.get("/assess/results/")
    assert "Change licences" in answers_summary(response.content.decode()).links


# --- the words, from the catalog's vocabularies (no database needed) ----------------------


def words(profile: dict, catalog) -> dict[str, list[str]]:
    from eligibility.answers import answer_groups

    return {group.title: list(group.lines) for group in answer_groups(profile, catalog)}


def test_nothing_entered_is_said_plainly(catalog):
    assert words({}, catalog) == {
        "Licences": ["No licence added."],
        "Education and credentials": [
            "No degree added.",
            "Certifications, exams and courses: none",
        ],
        "Work history": ["No job added."],
        "Continuing education": ["No course added."],
        "About you": ["Professional references: 0", CLEAN_RECORD + " No", CMC_CORE + " No"],
    }


def test_an_expired_licence_and_a_finished_unpaid_job_say_so(catalog):
    profile = {
        "as_of": "2026-11-23",
        "licenses": [
            {"type": "counselor", "active": False, "good_standing": False, "expires": "2025-01-31"},
            {"type": "social-worker"},
        ],
        "degrees": [{"level": "master", "field": "social-work", "accredited": False}],
        "credentials": ["ccm", "crc"],
        "experience": [
            {
                "role": "case-manager",
                "setting": "home-health",
                "start": "2019-02-01",
                "end": "2021-06-30",
                "hours_per_week": 37.5,
                "paid": False,
                "supervised": False,
                "self_employed": True,
            },
            {
                "role": "nurse-case-manager",
                "setting": "insurance",
                "start": "2027-01-04",
                "hours_per_week": 1,
                "supervisor_credentials": ["ccm"],
            },
        ],  # fmt: skip
        "education": [{"topic": "ethics", "hours": 1, "completed": "2027-02-01"}],
        "references": 2,
        "attestations": ["good-moral-character"],
    }
    said = words(profile, catalog)
    assert said["Licences"] == [
        "Professional counselor (LPC, LMHC), not active, not in good standing, "
        "expired 31 January 2025",
        "Social worker (LBSW, LMSW, LSW), active, in good standing, no expiry date given",
    ]
    assert said["Education and credentials"] == [
        "Master's degree in social work, not from an accredited school or programme",
        "Certifications, exams and courses: Board-Certified Case Manager (CCM), Certified "
        "Rehabilitation Counselor (CRC)",
    ]
    assert said["Work history"] == [
        "Case manager (home health), 37.5 hours a week, 1 February 2019 to 30 June 2021, "
        "unpaid, not supervised, self-employed",
        "Nurse case manager (insurer, managed care, disability or workers' comp carrier), "
        "1 hour a week, from 4 January 2027, paid, supervised, supervisor holds Board-Certified "
        "Case Manager (CCM)",
    ]
    assert said["Continuing education"] == ["1 hour of ethics, booked for 1 February 2027"]
    # A social worker is asked (and shown) the NASW code question too; a nurse is not.
    assert said["About you"] == [
        "Professional references: 2",
        CLEAN_RECORD + " Yes",
        NASW_CODE + " No",
        CMC_CORE + " No",
    ]


def test_a_code_the_catalog_no_longer_has_is_shown_as_it_was_saved(catalog):
    profile = {"licenses": [{"type": "retired-licence", "active": True}], "references": 1}
    said = words(profile, catalog)
    assert said["Licences"][0].startswith("retired-licence, active")
    assert said["About you"][0] == "Professional references: 1"


def test_the_groups_follow_the_wizards_steps(catalog):
    from eligibility.answers import answer_groups

    assert [(g.step, g.title) for g in answer_groups({}, catalog)] == list(STEP_TITLES.items())


# --- the site's icon ----------------------------------------------------------------------


def test_every_page_links_the_site_icon_and_favicon_ico_answers(client):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    response = client.get("/favicon.ico")
    assert response.status_code != 404
    assert response.status_code in (301, 302) and response["Location"] == "/static/favicon.svg"


def test_the_icon_is_a_small_svg(settings):
    icon = settings.BASE_DIR / "static" / "favicon.svg"
    text = icon.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in text
    assert len(text) < 2000


def test_a_degree_says_the_day_it_was_finished_and_one_without_says_nothing_of_it(catalog):
    profile = {
        "as_of": "2026-11-23",
        "degrees": [
            {"level": "master", "field": "social-work", "completed": "2021-05-15"},
            {"level": "bachelor", "field": "social-work"},  # saved before the field existed
        ],
        "credentials": ["aswb-masters"],
        "experience": [
            {
                "role": "disability-manager",
                "setting": "employer",
                "start": "2021-06-01",
                "hours_per_week": 40,
            }
        ],  # fmt: skip
        "attestations": ["nasw-code-of-ethics"],
    }
    said = words(profile, catalog)
    assert said["Education and credentials"] == [
        "Master's degree in social work, from an accredited school or programme, "
        "finished 15 May 2021",
        "Bachelor's degree in social work, from an accredited school or programme",
        "Certifications, exams and courses: ASWB Masters exam (passed)",
    ]
    assert said["Work history"] == [
        "Disability or return-to-work manager (employer's own absence, disability or "
        "occupational health programme), 40 hours a week, since 1 June 2021, paid, supervised"
    ]
    # Asked of a social worker and of a disability manager, so said of them too.
    assert said["About you"] == [
        "Professional references: 0",
        CLEAN_RECORD + " No",
        NASW_CODE + " Yes",
        CDMS_AREAS + " No",
        CMC_CORE + " No",
    ]
