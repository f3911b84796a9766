"""The plan's first words are right (issue #13, items 5–8): an eligible nurse is told to apply
for the next exam window, steps come in date order, the nearest wins come first with what they
take, and certifications that need another licence or degree come last, saying who they are
for and what opens them."""

import copy
import datetime as dt
import re

import pytest
from icalendar import Calendar

from eligibility.document import at_a_glance, nearest_first, openings
from eligibility.ics import plan_calendar
from eligibility.services import assess_profile
from eligibility.snapshot import parse_catalog
from tests.conftest import NEW_QUESTIONS_NO, cert
from tests.test_assessment_wizard import complete, entries
from tests.test_path import when_done

AS_OF = "2026-12-01"
GMC = ["good-moral-character"]

# A nurse case manager since June 2023 whose RN licence expires on 31 March 2028, with 20 of
# CMGT-BC's 30 hours of nursing case management education: CCM and ACM now, CMGT-BC 10 CE
# hours away, CMAC (bachelor plus 5 years of case management) in 2028.
NURSE = {
    "as_of": AS_OF,
    "licenses": [{"type": "rn", "expires": "2028-03-31"}],
    "degrees": [{"level": "bachelor", "field": "nursing"}],
    "experience": [
        {"role": "nurse-case-manager", "setting": "hospital", "start": "2023-06-01",
         "hours_per_week": 40},
    ],
    "education": [{"topic": "nursing-case-management", "hours": 20, "completed": "2025-06-01"}],
    "attestations": GMC,
}  # fmt: skip

# A licensed professional counselor (master's in counseling) who ran a private practice and has
# worked as a case manager under a CCM since June 2025, with one client reference: CCM is two
# references away; CMAC (master's plus 3 years of case management) comes in 2028.
COUNSELOR = {
    "as_of": AS_OF,
    "licenses": [{"type": "counselor"}],
    "degrees": [{"level": "master", "field": "counseling"}],
    "experience": [
        {"role": "other", "setting": "behavioral-health", "start": "2019-01-01",
         "end": "2025-05-31", "hours_per_week": 30, "self_employed": True},
        {"role": "case-manager", "setting": "behavioral-health", "start": "2025-06-01",
         "hours_per_week": 40, "supervisor_credentials": ["ccm"]},
    ],
    "references": 1,
    "attestations": GMC,
}  # fmt: skip

BUSINESS = {"as_of": AS_OF, "degrees": [{"level": "bachelor", "field": "business"}]}

# CCM's windows as an editor would write them once the body publishes its application dates.
WINDOWS_WITH_DEADLINES = (
    "April (applications close 15 February), August (applications close 15 June) "
    "and December (applications close 15 October)"
)


def edited(catalog, change):
    """The seeded catalog with one edit, as an editor would make it."""
    data = copy.deepcopy(catalog.data)
    change(data)
    return parse_catalog(data)


def ccm_windows(text):
    def change(data):
        next(c for c in data["certifications"] if c["code"] == "ccm")["exam_windows"] = text

    return change


def presented(profile, snapshot):
    return nearest_first(assess_profile(profile, snapshot=snapshot))


def glance(profile, snapshot) -> dict[str, str]:
    return {line["code"]: line["step"] for line in at_a_glance(presented(profile, snapshot))}


def path(results, code):
    return [(s["date"], s["kind"], s["text"]) for s in cert(results, code)["next_steps"]]


# --- item 5: apply first, with the next exam window -----------------------------------------


def test_an_eligible_nurse_is_told_first_to_apply_for_the_next_window_and_when_it_closes(catalog):
    snapshot = edited(catalog, ccm_windows(WINDOWS_WITH_DEADLINES))
    lines = glance(NURSE, snapshot)
    assert lines["ccm"] == (
        "Apply now for the April 2027 exam window; applications for it close on 15 February 2027."
    )
    # ACM's catalog entry lists no windows: applying is still the first thing, not the licence.
    assert lines["acm"] == "Apply now."


def test_the_path_of_an_eligible_nurse_starts_with_applying_then_the_exam_window(catalog):
    results = assess_profile(NURSE, snapshot=edited(catalog, ccm_windows(WINDOWS_WITH_DEADLINES)))
    steps = path(results, "ccm")
    assert [(day, kind) for day, kind, _ in steps] == [
        ("2026-12-01", "apply"),
        ("2027-04-01", "exam"),
        ("2028-03-31", "licence"),
        (None, "renew"),
    ]
    assert steps[1][2] == (
        "Sit the exam in the April 2027 window; applications for it close on 15 February 2027."
    )


def test_without_application_dates_the_nurse_gets_the_next_window_and_whom_to_ask(catalog):
    # The seeded catalog says "April, August and December" and nothing about applications.
    assert glance(NURSE, catalog)["ccm"] == "Apply now for the April 2027 exam window."
    exam = path(assess_profile(NURSE, snapshot=catalog), "ccm")[1]
    assert exam == (
        "2027-04-01", "exam",
        "Sit the exam in the April 2027 window; ask The Commission (formerly CCMC) "
        "when applications for it close.",
    )  # fmt: skip


def test_a_window_whose_applications_have_closed_is_skipped(catalog):
    snapshot = edited(catalog, ccm_windows(WINDOWS_WITH_DEADLINES))
    in_march = {**NURSE, "as_of": "2027-03-01"}
    assert glance(in_march, snapshot)["ccm"] == (
        "Apply now for the August 2027 exam window; applications for it close on 15 June 2027."
    )


def test_windows_written_in_other_words_are_quoted_as_they_are(catalog):
    snapshot = edited(catalog, ccm_windows("Several times a year; see the body's site"))
    assert glance(NURSE, snapshot)["ccm"] == "Apply now."
    assert "exam" not in [
        kind for _, kind, _ in path(assess_profile(NURSE, snapshot=snapshot), "ccm")
    ]


# --- item 6: dated steps in date order, undated after -------------------------------------


def test_path_steps_are_in_date_order_and_the_undated_ones_come_after(catalog):
    # What anyone can do now (CE hours, references, an answer) counts as dated today.
    for profile in (NURSE, COUNSELOR, BUSINESS):
        results = assess_profile(profile, snapshot=catalog)
        for entry in results["results"]:
            dates = when_done(entry["next_steps"], results["as_of"])
            dated = [d for d in dates if d is not None]
            assert dates[: len(dated)] == sorted(dated), (profile, entry["certification"])


# --- item 7: nearest win first, saying what it takes ----------------------------------------


def test_a_cmgt_bc_ten_ce_hours_away_comes_before_a_cmac_years_away(catalog):
    lines = at_a_glance(presented(NURSE, catalog))
    # CMC (criterion II's hours are met) and CCCTM (its hours are met) each wait only for an
    # answer, so they come before CMAC's years.
    assert [line["code"] for line in lines] == [
        "ccm", "acm", "cmgt-bc", "cmc", "ccctm", "cmac", "cdms", "cmcn", "c-swcm", "c-aswcm",
        "crc",
    ]  # fmt: skip
    assert lines[2]["step"] == "What it takes: 10 more CE hours in nursing case management."


def test_a_counselor_two_references_from_ccm_sees_ccm_first_with_what_it_takes(catalog):
    results = presented(COUNSELOR, catalog)
    assert cert(results, "cmac")["eligible_on"].startswith("2028")
    lines = at_a_glance(results)
    # CMC criterion I (her master's and 3,640 h of case management) comes on 2027-02-27, before
    # CMAC in 2028.
    assert [line["code"] for line in lines][:3] == ["ccm", "cmc", "cmac"]
    assert lines[0]["step"] == "What it takes: 2 more references."


# --- item 8: out of reach without another licence or degree: last, who it is for -----------


def test_certifications_that_need_another_licence_come_last_and_say_who_they_are_for(catalog):
    results = presented(COUNSELOR, catalog)
    # CCM (references), CMC (an answer and months of work), CMAC (years of work), CDMS (years
    # of disability management) and CRC (her counseling master's, with courses and years of
    # rehabilitation counseling) are within her reach. Then the CMCN, which her counselor
    # licence opens but AAMCN's course she lacks; last, the five that need a nurse's or social
    # worker's background.
    assert [c["certification"] for c in results["results"]][5:] == [
        "cmcn", "acm", "cmgt-bc", "c-swcm", "c-aswcm", "ccctm",
    ]  # fmt: skip
    cmgt = cert(results, "cmgt-bc")
    assert cmgt["reach"]["kind"] == "background"
    assert [door["text"] for door in cmgt["reach"]["opened_by"]] == [
        "A registered nurse (RN) licence"
    ]
    assert [door["text"] for door in cert(results, "acm")["reach"]["opened_by"]] == [
        "A registered nurse (RN) licence",
        "A bachelor's degree or higher in social work from an accredited school",
        "A clinical social worker (LCSW, LICSW) licence",
        "A social worker (LBSW, LMSW, LSW) licence",
    ]
    lines = {line["code"]: line["step"] for line in at_a_glance(results)}
    assert lines["cmgt-bc"] == "For people with a registered nurse (RN) licence."


def doors(snapshot) -> dict[str, list[str]]:
    """Which certifications each licence, degree or credential opens, for the business graduate."""
    results = assess_profile(BUSINESS, snapshot=snapshot)
    return {row["door"]: [c["code"] for c in row["certifications"]] for row in openings(results)}


def test_the_business_graduate_is_shown_which_licences_and_degrees_open_which_certifications(
    catalog,
):
    rows = doors(catalog)
    # The RN licence alone does not open the CMC: its RN route asks for a nursing diploma too,
    # and says so in one row (an LPN with a diploma read it as open to her).
    rn_opens = ["ccm", "acm", "cmgt-bc", "cdms", "cmcn", "ccctm"]
    assert rows["A registered nurse (RN) licence"] == rn_opens
    assert rows["A diploma or higher in nursing, with a registered nurse (RN) licence"] == [
        "ccm", "acm", "cmgt-bc", "cdms", "cmcn", "cmc", "ccctm",
    ]  # fmt: skip
    assert rows["A professional counselor (LPC, LMHC) licence"] == ["ccm", "cmcn"]
    # A social work degree passes CCM's health and human services degree, CMAC's any
    # bachelor's, CDMS's accredited bachelor's and CMC's related bachelor's too, so its row
    # names them all.
    social_work = "A bachelor's degree or higher in social work from an accredited school"
    assert rows[social_work] == ["ccm", "acm", "cmac", "cdms", "c-swcm", "cmc"]
    assert rows["A bachelor's degree or higher"] == ["cmac", "cmc"]
    # Her own bachelor's opens CMAC's routes (with years of work), so CMAC is not out of reach.
    results = presented(BUSINESS, catalog)
    assert [c["certification"] for c in results["results"]][0] == "cmac"
    assert [cert(results, c)["reach"]["kind"] for c in ("ccm", "acm", "cmgt-bc")] == [
        "background"
    ] * 3


def test_which_licence_opens_which_certification_follows_the_catalog(catalog):
    def counselors_for_acm(data):
        acm = next(c for c in data["certifications"] if c["code"] == "acm")
        acm["groups"][0]["options"][2]["conditions"][0]["params"]["licence_types"].append(
            "counselor"
        )

    rows = doors(edited(catalog, counselors_for_acm))
    assert rows["A professional counselor (LPC, LMHC) licence"] == ["ccm", "acm", "cmcn"]


# --- the calendar holds applying and the exam window ----------------------------------------


def events(ics: bytes) -> list[tuple[dt.date, str]]:
    return [
        (e.decoded("dtstart"), str(e["summary"])) for e in Calendar.from_ical(ics).walk("VEVENT")
    ]


def test_the_calendar_holds_applying_the_exam_window_and_when_applications_close(catalog):
    snapshot = edited(catalog, ccm_windows(WINDOWS_WITH_DEADLINES))
    found = events(plan_calendar(presented(NURSE, snapshot)))
    assert (dt.date(2026, 12, 1), "Apply for Board-Certified Case Manager (CCM)") in found
    assert (dt.date(2026, 12, 1), "Apply for Accredited Case Manager (ACM)") in found
    assert (
        dt.date(2027, 2, 15),
        "CCM: applications for the April 2027 exam window close",
    ) in found
    assert (dt.date(2027, 4, 1), "CCM: exam window, April 2027") in found
    assert (dt.date(2028, 3, 31), "Renew your licence before it expires on 31 March 2028.") in found


# --- the role named is the person's own (item 13, last point) -------------------------------


def test_a_social_worker_is_told_to_keep_working_as_a_case_manager_not_a_nurse(catalog):
    social_worker = {
        "as_of": AS_OF,
        "licenses": [{"type": "clinical-social-worker"}],
        "experience": [
            {"role": "case-manager", "setting": "hospital", "start": "2025-09-24",
             "hours_per_week": 40},
        ],
        "attestations": GMC,
    }  # fmt: skip
    text = path(assess_profile(social_worker, snapshot=catalog), "ccm")[0][2]
    assert text.startswith("Keep working as a case manager — you reach 4,160 hours on ")


# --- the results page, after the wizard -----------------------------------------------------


def days_from_today(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


def glance_lines(page: str) -> list[str]:
    """The lines of "At a glance" as a person reads them."""
    section = page.split('id="glance-heading"', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", li).split()) for li in items]


def section(page: str, heading_id: str) -> str:
    return page.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


ATTEST = {"about-references": "0", "about-attest_good-moral-character": "yes", **NEW_QUESTIONS_NO}
# The NURSE above, answered in the wizard today: RN licence for another 16 months, a nurse
# case manager for three and a half years, 20 hours of nursing case management education.
NURSE_RN = {"type": "rn", "active": "on", "good_standing": "on", "expires": days_from_today(480)}
NURSE_JOB = {
    "role": "nurse-case-manager", "setting": "hospital", "start": days_from_today(-1280),
    "ongoing": "on", "hours_per_week": "40", "paid": "on", "supervised": "on",
}  # fmt: skip
NURSE_CE = {"topic": "nursing-case-management", "hours": "20", "completed": days_from_today(-200)}
NURSE_ANSWERS = {
    "licences": entries("licences", NURSE_RN),
    "education": entries("education", {"level": "bachelor", "field": "nursing"}),
    "work": entries("work", NURSE_JOB),
    "training": entries("training", NURSE_CE),
    # A nurse case manager is also asked CMC's and CCCTM's questions; she has not checked them.
    "about": {
        **ATTEST,
        "about-attest_cmc-core-functions": "no",
        "about-attest_ccctm-new-applications-open": "no",
    },
}
# The COUNSELOR above: 18 months of case management under a CCM after a private practice.
CASE_MANAGER_JOB = {
    "role": "case-manager", "setting": "behavioral-health", "start": days_from_today(-550),
    "ongoing": "on", "hours_per_week": "40", "paid": "on", "supervised": "on",
    "supervisor_credentials": "ccm",
}  # fmt: skip
PRIVATE_PRACTICE = {
    "role": "other", "setting": "behavioral-health", "start": days_from_today(-3000),
    "end": days_from_today(-560), "hours_per_week": "30", "paid": "on", "self_employed": "on",
}  # fmt: skip
COUNSELOR_ANSWERS = {
    "licences": entries("licences", {"type": "counselor", "active": "on", "good_standing": "on"}),
    "education": entries("education", {"level": "master", "field": "counseling"}),
    "work": entries("work", CASE_MANAGER_JOB, PRIVATE_PRACTICE),
    "training": entries("training"),
    "about": {**ATTEST, "about-references": "1"},
}
BUSINESS_ANSWERS = {
    "licences": entries("licences"),
    "education": entries("education", {"level": "bachelor", "field": "business"}),
    "work": entries("work"),
    "training": entries("training"),
    "about": ATTEST,
}


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
class TestTheResultsPage:
    def test_a_nurse_reads_apply_first_and_the_nearest_win_next(self, client):
        lines = glance_lines(complete(client, NURSE_ANSWERS).content.decode())
        assert lines[0].startswith(
            "Board-Certified Case Manager (CCM): Eligible now Apply now for the "
        )
        assert lines[1] == "Accredited Case Manager (ACM): Eligible now Apply now."
        assert lines[2] == (
            "Nursing Case Management Certification (CMGT-BC): Not yet "
            "What it takes: 10 more CE hours in nursing case management."
        )
        # CMC and CCCTM wait only for her answers (she said No to both questions).
        assert lines[3].startswith("Care Manager Certified (CMC): Not yet What it takes:")
        assert lines[4].startswith("Certified in Care Coordination and Transition Management")
        assert lines[5].startswith("Case Management Administrator Certification (CMAC)")

    def test_a_nurse_reads_the_pay_of_each_job_that_fits_with_its_period_and_source(self, client):
        page = complete(client, NURSE_ANSWERS).content.decode()
        jobs = section(page, "jobs-heading")
        card = jobs.split("Hospital case manager</a>", 1)[1].split("</li>\n    \n", 1)[0]
        assert "Pay in the US (national median):" in card
        assert "<li>Registered nurses: $81,220 a year (May 2022, BLS)</li>" in card
        assert "Healthcare social workers: $67,880 a year (May 2025, secondary source)" in card

    def test_a_counselor_is_not_given_a_nurses_to_do_list(self, client):
        page = complete(client, COUNSELOR_ANSWERS).content.decode()
        lines = glance_lines(page)
        assert lines[0] == (
            "Board-Certified Case Manager (CCM): Not yet What it takes: 2 more references."
        )
        # The certifications for other backgrounds come last (CMGT-BC among them).
        background = [line for line in lines if "Needs another licence or degree" in line]
        # Her counselor licence opens the CMCN: what it lacks is the course, said as such; it
        # comes after what she can reach on her record and before those for other backgrounds,
        # as its card does.
        cmcn = next(line for line in lines if line.startswith("Certified Managed Care Nurse"))
        assert cmcn == (
            "Certified Managed Care Nurse (CMCN): Not yet Needs AAMCN&#x27;s Comprehensive "
            "Introduction to Managed Care Nursing course (completed)."
        )
        assert len(background) >= 5
        assert lines[-len(background) - 1 :] == [cmcn, *background]
        # The glance lists the certifications in the order of their cards.
        cards = re.findall(
            r'<article class="result-card[^"]*" aria-labelledby="cert-([a-z-]+)"', page
        )
        assert (
            re.findall(r'<li><a href="#cert-([a-z-]+)"', section(page, "glance-heading")) == cards
        )
        assert (
            "Nursing Case Management Certification (CMGT-BC): Needs another licence or degree "
            "For people with a registered nurse (RN) licence."
        ) in background
        others = section(page, "other-backgrounds-heading")
        assert "Accredited Case Manager (ACM)" in others
        assert "A board certification for registered nurses" in others  # whom it is for
        assert "<li>A registered nurse (RN) licence</li>" in others
        assert "Nursing Case Management Certification" not in section(page, "certs-heading")
        assert "Gain 4,160 more hours" not in page
        assert "Which licences and degrees open which certifications" not in page

    def test_a_counselor_reads_the_cmcn_in_full_with_the_course_it_lacks_not_as_for_others(
        self, client
    ):
        # Her counselor licence opens the CMCN (its audience includes her); what it lacks is
        # AAMCN's course. Its card is the whole one, with the path, among the certifications.
        page = complete(client, COUNSELOR_ANSWERS).content.decode()
        mine, others = section(page, "certs-heading"), section(page, "other-backgrounds-heading")
        assert 'id="cert-cmcn"' in mine and 'id="cert-cmcn"' not in others
        card = mine.split('id="cert-cmcn"', 1)[1].split("</article>", 1)[0]
        assert "you meet this" in card  # the licence group
        path = card.split("Your path", 1)[1]
        assert "Complete AAMCN&#x27;s Comprehensive Introduction to Managed Care Nursing" in path
        assert 'id="cert-cmgt-bc"' in others  # an RN's certification stays short

    def test_the_cmcn_for_other_backgrounds_asks_a_licence_and_the_course_as_well(self, client):
        # Not "any one of" the licences and the course: one of the licences, and the course.
        page = complete(client, BUSINESS_ANSWERS).content.decode()
        others = section(page, "other-backgrounds-heading")
        card = others.split('id="cert-cmcn"', 1)[1].split("</article>", 1)[0]
        licences, course = card.split("Who also have:", 1)
        assert "Open to people with any one of:" in licences
        assert "<li>A registered nurse (RN) licence</li>" in licences
        assert "Managed Care Nursing course" not in licences
        assert "<li>AAMCN&#x27;s Comprehensive Introduction to Managed Care Nursing" in course
        # A certification with one requirement of backgrounds keeps one list.
        acm = others.split('id="cert-acm"', 1)[1].split("</article>", 1)[0]
        assert "Who also have" not in acm and "Open to people with any one of:" in acm

    def test_a_business_graduate_sees_which_licences_and_degrees_open_which_certifications(
        self, client
    ):
        page = complete(client, BUSINESS_ANSWERS).content.decode()
        table = section(page, "openings-heading")
        assert '<th scope="row">A registered nurse (RN) licence</th>' in table
        row = table.split("A registered nurse (RN) licence", 1)[1].split("</tr>", 1)[0]
        named = [code for code in ("(CCM)", "(ACM)", "(CMGT-BC)", "(CMAC)") if code in row]
        assert named == ["(CCM)", "(ACM)", "(CMGT-BC)"]
        # Her bachelor's opens CMAC and CMC (criterion III: a degree in any field and years of
        # work), the two cards with a path; the other nine wait for another background.
        assert page.count('class="result-card') == 11
        assert section(page, "certs-heading").count('class="result-card') == 2


def test_the_catalogs_openings_worked_out_once_are_those_of_the_results(catalog):
    for profile in (NURSE, COUNSELOR, BUSINESS):
        results = assess_profile(profile, snapshot=catalog)
        assert nearest_first(results, catalog)["openings"] == openings(results)
