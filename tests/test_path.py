"""The path on each certification: ordered, dated next steps in plain words (issue #3)."""

import pytest

from eligibility.document import at_a_glance, nearest_first
from tests.conftest import SPEC_EXAMPLE, cert
from tests.test_engine_scenarios import NEW_NCM, ncm_with_licence_expiring, self_employed_ncm


def path(results: dict, code: str) -> list[tuple[str | None, str, str]]:
    return [(s["date"], s["kind"], s["text"]) for s in cert(results, code)["next_steps"]]


def test_an_eligible_nurse_is_told_to_apply_now_with_fees_and_exam_windows_then_to_renew(assess):
    assert path(assess(SPEC_EXAMPLE), "ccm") == [
        ("2026-11-23", "apply",
         "Apply to The Commission (formerly CCMC) now — fees: $235 application fee "
         "(non-refundable) plus $195 exam fee; exam windows: April, August and December; 180 "
         "multiple-choice questions (150 scored) in 3 hours, at a Pearson VUE test centre or by "
         "live remote proctoring."),
        ("2026-12-01", "exam",
         "Sit the exam in the December 2026 window; ask The Commission (formerly CCMC) "
         "when applications for it close."),
        (None, "renew",
         "Once certified, renew every 5 years with 80 hours of continuing education."),
    ]  # fmt: skip


def test_missing_education_is_counted_in_hours_and_no_application_is_suggested(assess):
    steps = path(assess(SPEC_EXAMPLE), "cmgt-bc")
    assert steps[0] == (
        None, "education",
        "Complete 18 more hours of continuing education in nursing case management "
        "(it counts for 3 years).",
    )  # fmt: skip
    assert "apply" not in [kind for _, kind, _ in steps]


def test_an_acm_eligible_nurse_is_told_to_earn_acm_first_for_cmac(assess):
    # CMAC's bachelor route would open on 25 December 2027, but she meets ACM's rules, which
    # closes track 2 (SPEC §3b): her path to CMAC is ACM, which she can sit for today.
    steps = path(assess(SPEC_EXAMPLE), "cmac")
    earn = "Earn Accredited Case Manager (ACM), which you can sit for now."
    assert steps[0] == ("2026-11-23", "credential", earn)
    # Said once: the closed routes' own "earn ACM first" would repeat it.
    assert sum("Earn Accredited Case Manager (ACM)" in text for _, _, text in steps) == 1


def test_a_certification_needed_on_the_way_is_dated_by_when_she_can_sit_for_it(assess):
    # A nurse case manager since June 2026 without a degree: CMAC only through ACM, which she
    # can sit for on 30 May 2027; the two years of case management arrive on 28 May 2028.
    results = assess(NEW_NCM)
    assert cert(results, "acm")["eligible_on"] == "2027-05-30"
    assert path(results, "cmac")[:2] == [
        ("2027-05-30", "credential",
         "Earn Accredited Case Manager (ACM), which you can sit for from 30 May 2027."),
        ("2028-05-28", "experience",
         "Keep working as a nurse case manager — you reach 4,160 hours on 28 May 2028."),
    ]  # fmt: skip


def test_a_certification_out_of_reach_is_named_without_a_date(assess):
    steps = path(assess(self_employed_ncm(2)), "cmac")
    # Her three routes are as near as each other, each a single thing away: all are offered.
    every_route = (
        "Hold Accredited Case Manager (ACM); or earn a master's degree or higher; or earn a "
        "bachelor's degree or higher."
    )
    assert steps[0] == (None, "credential", every_route)
    assert not any("sooner route" in text for _, _, text in steps)


@pytest.mark.parametrize(("refs", "text"), [
    (2, "Gather 1 more reference (you need 3)."),
    (1, "Gather 2 more references (you need 3)."),
])  # fmt: skip
def test_missing_references_are_counted(assess, refs, text):
    assert path(assess(self_employed_ncm(refs)), "ccm")[0] == (None, "references", text)


def test_a_licence_that_lapses_before_the_experience_arrives_is_a_dated_step_first(assess):
    steps = path(assess(ncm_with_licence_expiring("2027-03-31")), "acm")
    assert steps[:2] == [
        ("2027-03-31", "licence", "Renew your licence before it expires on 31 March 2027."),
        ("2027-05-30", "experience",
         "Keep working as a nurse case manager — you reach 2,080 hours on 30 May 2027."),
    ]  # fmt: skip


def test_dated_steps_come_in_date_order_before_the_undated_ones(assess):
    for profile in (SPEC_EXAMPLE, NEW_NCM, ncm_with_licence_expiring("2027-03-31")):
        results = assess(profile)
        for entry in results["results"]:
            dates = when_done(entry["next_steps"], results["as_of"])
            dated = [d for d in dates if d is not None]
            assert dated == sorted(dated)
            assert dates[: len(dated)] == dated, entry["certification"]


def when_done(steps: list[dict], today: str) -> list[str | None]:
    """Each step's date, what anyone can do now (CE hours, references, an answer the form
    asks) and a licence, degree or credential to gain (to start now, however long it takes)
    counting as today: the path puts them before a licence to renew next year."""

    def now(step: dict) -> bool:
        doable = step["kind"] in DO_NOW and not step.get("later")
        return doable or step["kind"] in GAINED

    return [s["date"] or (today if now(s) else None) for s in steps]


DO_NOW = {"education", "references", "attestation"}
GAINED = {"licence", "degree", "credential"}


# An MSW with a social worker licence expiring in June 2027, a case manager in a community
# agency since January 2019.
MARCUS = {
    "as_of": "2026-12-03",
    "licenses": [{"type": "social-worker", "expires": "2027-06-30"}],
    "degrees": [{"level": "master", "field": "social-work", "completed": "2018-05-15"}],
    "experience": [
        {"role": "case-manager", "setting": "community", "start": "2019-01-07",
         "hours_per_week": 40, "paid": True, "supervised": True},
    ],
    "references": 3,
    "attestations": ["good-moral-character"],
}  # fmt: skip


def test_what_can_be_done_now_comes_before_a_licence_to_renew_next_year(assess):
    # An MSW with a social worker licence expiring in June 2027 lacks 20 CE hours and NASW's
    # code for the C-ASWCM: those first, the licence after; "At a glance" names his ACM's
    # real gap (the hours in health care), not the licence renewal its path dates first.
    results = assess(MARCUS)
    assert [kind for _, kind, _ in path(results, "c-aswcm")] == [
        "education", "attestation", "licence", "renew",
    ]  # fmt: skip
    renewal = cert(results, "acm")["next_steps"][0]
    assert renewal["renewal"] and renewal["date"] == "2027-06-30"
    lines = {x["code"]: x["step"] for x in at_a_glance(nearest_first(results))}
    assert lines["acm"].startswith("Gain 2,080 more hours (12 months full time) of paid, ")
    assert lines["acm"].endswith("in a health care delivery setting.")


def test_at_a_glance_gives_each_certification_its_standing_and_first_step(assess):
    lines = at_a_glance(nearest_first(assess(SPEC_EXAMPLE)))
    # CMGT-BC, 18 CE hours away, comes before CMAC, a year of work away (issue #13); CMC and
    # CCCTM, whose hours she has, wait for answers only the bodies can back.
    assert [(x["code"], x["status"], x["step"]) for x in lines] == [
        ("ccm", "eligible", "Apply now for the December 2026 exam window."),
        ("acm", "eligible", "Apply now."),
        ("cmgt-bc", "not_eligible",
         "What it takes: 18 more CE hours in nursing case management."),
        ("cmc", "not_eligible",
         "What it takes: every core care management function, with supervision, which the "
         "certifying body checks: ask them if you are unsure."),
        ("ccctm", "not_eligible",
         "What it takes: confirmation that new applications are accepted, which the "
         "certifying body checks: ask them if you are unsure."),
        ("cmac", "not_eligible",
         "Earn Accredited Case Manager (ACM), which you can sit for now."),
        ("cdms", "not_eligible",
         "Gain 2,080 more hours (12 months full time) of paid work as a disability or "
         "return-to-work manager, within the last 3 years, in a job you still hold."),
        # She has the RN licence: what the CMCN lacks is AAMCN's course.
        ("cmcn", "not_eligible",
         "Needs AAMCN's Comprehensive Introduction to Managed Care Nursing course (completed)."),
        # The NASW credentials are for social workers with the degree (the licence or ASWB
        # exam they ask as well is a further requirement, not another way in).
        ("c-swcm", "not_eligible",
         "For people with a bachelor's degree or higher in social work from an accredited "
         "school."),
        ("c-aswcm", "not_eligible",
         "For people with a master's degree or higher in social work from an accredited "
         "school."),
        ("crc", "not_eligible",
         "For people with a master's degree or higher in rehabilitation counseling from an "
         "accredited school or a master's degree or higher in counseling from an accredited "
         "school."),
    ]  # fmt: skip
    later = at_a_glance(nearest_first(assess(NEW_NCM)))
    assert later[0]["code"] == "acm"
    assert later[0]["step"] == (
        "Keep working as a nurse case manager — you reach 2,080 hours on 30 May 2027."
    )


def test_a_credential_that_opens_a_certification_keeps_its_capitals_at_a_glance(assess):
    # An LPN at a health plan: CMAC is for people with ACM (its own name, as written) or a
    # master's degree (lower-cased mid-sentence).
    lena = {
        "as_of": "2026-12-03",
        "licenses": [{"type": "lpn"}],
        "degrees": [{"level": "associate", "field": "nursing", "completed": "2015-05-15"}],
        "experience": [
            {"role": "nurse-case-manager", "setting": "insurance", "start": "2020-06-01",
             "hours_per_week": 40, "paid": True, "supervised": True},
        ],
    }  # fmt: skip
    lines = {x["code"]: x["step"] for x in at_a_glance(nearest_first(assess(lena)))}
    assert lines["cmac"] == (
        "For people with Accredited Case Manager (ACM) or a master's degree or higher, among "
        "other routes."
    )


def test_a_question_the_form_did_not_put_to_him_is_not_one_to_answer_yes_in_the_form(assess):
    # The About step asks CDMS's practice-areas question only of people with disability
    # management work: the social worker's path says when it would be asked.
    [step] = [s for s in cert(assess(MARCUS), "cdms")["next_steps"] if s["kind"] == "attestation"]
    assert step["text"].endswith(
        "The form asks this once your answers include the work or background it concerns."
    )
    assert "say yes in the form" not in step["text"]
    # Someone it is put to (a disability manager) is told to answer it.
    manager = {**MARCUS, "experience": [{**MARCUS["experience"][0], "role": "disability-manager",
                                         "setting": "employer"}]}  # fmt: skip
    [step] = [s for s in cert(assess(manager), "cdms")["next_steps"] if s["kind"] == "attestation"]
    assert step["text"].endswith("If so, say yes in the form.")


# --- what a walk through the product as a BSW, an LPN and a counselor found ------------------

# A BSW (2022) working full time as a hospital case manager since August 2022, no licence yet.
BSW = {
    "as_of": "2026-12-08",
    "degrees": [{"level": "bachelor", "field": "social-work", "accredited": True,
                 "completed": "2022-05-15"}],
    "experience": [{"role": "case-manager", "setting": "hospital", "start": "2022-08-01",
                    "hours_per_week": 40, "paid": True, "supervised": True}],
}  # fmt: skip


def test_a_bsw_is_offered_the_aswb_exam_beside_the_licence_for_the_c_swcm(assess):
    results = assess(BSW)
    licence_or_exam = next(
        g for g in cert(results, "c-swcm")["groups"] if g["code"] == "licence-or-exam"
    )
    assert licence_or_exam["tie"]  # neither route is the fastest: the card marks none
    first = path(results, "c-swcm")[0][2]
    assert first.startswith("Hold an active licence in good standing as a clinical social worker")
    assert first.endswith(
        "; or pass the ASWB Bachelors exam, the ASWB Masters exam or the ASWB Clinical exam."
    )


def test_cmacs_closed_route_reads_as_a_rule_not_as_a_claim_about_the_person(assess):
    cmac = cert(assess(BSW), "cmac")
    closed = [
        c for g in cmac["groups"] for o in g["options"] for c in o["conditions"]
        if c["kind"] == "not-eligible-for"
    ]  # fmt: skip
    assert closed and all(
        c["text"] == "Only for people who do not meet the requirements for Accredited Case "
        "Manager (ACM)"
        for c in closed
    )
    assert closed[0]["gap"].startswith("You meet the requirements for Accredited Case Manager")


def test_applying_says_when_the_fees_are_not_confirmed_and_reads_without_a_stray_stop(assess):
    for code in ("cmc", "acm", "c-swcm"):
        apply = next(
            (s for s in cert(assess(BSW), code)["next_steps"] if s["kind"] == "apply"), None
        )
        if apply is None:
            continue
        assert ".;" not in apply["text"], code
        assert "fees:" in apply["text"], code


def test_an_lpns_missing_course_comes_before_her_licence_renewal_in_2028(assess):
    lpn = {
        "as_of": "2026-12-08",
        "licenses": [{"type": "lpn", "expires": "2028-06-30"}],
        "degrees": [{"level": "diploma", "field": "nursing"}],
        "experience": [{"role": "nurse-case-manager", "setting": "home-health",
                        "start": "2023-12-01", "hours_per_week": 36}],
    }  # fmt: skip
    assert path(assess(lpn), "cmcn")[:2] == [
        (None, "credential",
         "Complete AAMCN's Comprehensive Introduction to Managed Care Nursing course."),
        ("2028-06-30", "licence", "Renew your licence before it expires on 30 June 2028."),
    ]  # fmt: skip


def test_routes_short_of_the_same_hours_are_not_run_together_in_one_step(assess):
    counselor = {
        "as_of": "2026-12-08",
        "degrees": [{"level": "master", "field": "rehabilitation-counseling",
                     "completed": "2023-05-15"}],
        "experience": [{"role": "rehabilitation-counselor", "setting": "government",
                        "start": "2023-06-01", "hours_per_week": 40,
                        "supervisor_credentials": ["crc"]}],
    }  # fmt: skip
    results = assess(counselor)
    for code in ("ccm", "cmc", "cmac"):
        for _date, _kind, text in path(results, code):
            assert "; or gain" not in text, (code, text)


def test_a_question_the_form_does_not_ask_her_yet_is_not_first_on_her_path(assess):
    counselor = {
        "as_of": "2026-12-08",
        "degrees": [{"level": "master", "field": "rehabilitation-counseling"}],
        "experience": [{"role": "rehabilitation-counselor", "setting": "government",
                        "start": "2023-06-01", "hours_per_week": 40}],
    }  # fmt: skip
    steps = cert(assess(counselor), "cdms")["next_steps"]
    assert steps[0]["kind"] == "experience"
    question = next(s for s in steps if s["kind"] == "attestation")
    assert question["later"] is True
    assert "The form asks this once your answers include" in question["text"]
