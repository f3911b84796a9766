"""Job options: which of the case-manager job types fit a person, how well, and why."""

from tests.conftest import SPEC_EXAMPLE
from tests.test_engine_scenarios import BSW_14_MONTHS, NEW_NCM, degree, job, licence, person

FITS = ("strong", "good", "possible")


def jobs(results: dict) -> dict[str, dict]:
    return {job["code"]: job for job in results["jobs"]}


def status(results: dict, code: str) -> str:
    return next(r["status"] for r in results["results"] if r["certification"] == code)


def test_the_spec_nurse_fits_hospital_case_management_best_and_is_told_why(assess):
    first = assess(SPEC_EXAMPLE)["jobs"][0]
    assert first["code"] == "hospital-case-manager"
    assert first["fit"] == "strong"
    assert first["why"] == [
        "Fits your background: your registered nurse (RN) licence.",
        "These jobs are found where you have worked: hospital.",
        "You can sit for Board-Certified Case Manager (CCM) now.",
        "You can sit for Accredited Case Manager (ACM) now.",
    ]
    assert first["soc_codes"] == ["29-1141.00", "21-1022.00"]
    assert first["helpful_names"] == [
        "Board-Certified Case Manager (CCM)",
        "Accredited Case Manager (ACM)",
        "Nursing Case Management Certification (CMGT-BC)",
        "Certified in Care Coordination and Transition Management (CCCTM)",
    ]


def test_each_job_gives_the_pay_of_its_occupations_with_period_and_source(assess):
    hospital = jobs(assess(SPEC_EXAMPLE))["hospital-case-manager"]
    nurses, social_workers = hospital["pay"]
    # Registered nurses from BLS's own handbook; healthcare social workers from a copy of
    # BLS's May 2025 release, marked secondary.
    assert (nurses["soc"], nurses["median_annual_wage"], nurses["period"]) == (
        "29-1141",
        81220,
        "May 2022",
    )
    assert nurses["confidence"] == "verified"
    assert nurses["source_url"].startswith("http://stats.bls.gov/")
    assert (social_workers["soc"], social_workers["confidence"]) == (
        "21-1022",
        "secondary",
    )


def test_jobs_come_best_fit_first(assess):
    for profile in (SPEC_EXAMPLE, BSW_14_MONTHS, NEW_NCM):
        listed = assess(profile)["jobs"]
        assert [FITS.index(j["fit"]) for j in listed] == sorted(
            FITS.index(j["fit"]) for j in listed
        )
        assert [j["score"] for j in listed] == sorted((j["score"] for j in listed), reverse=True)


def test_without_the_background_a_job_is_only_possible_whatever_the_certifications(assess):
    # A social worker with 14 months in a hospital: the nursing job and the leadership job
    # share her setting and certifications she can reach, not her background.
    found = jobs(assess(BSW_14_MONTHS))
    assert found["hospital-case-manager"]["fit"] == "strong"
    assert (
        found["hospital-case-manager"]["why"][0] == "Fits your background: a degree in social work."
    )
    assert found["nursing-case-manager"]["fit"] == "possible"
    # She meets ACM's rules, so CMAC's track 2 is closed to her (SPEC §3b); ACM would not
    # open CMAC's track 1 either ("ACM plus 2 years": she has 14 months), and she has not
    # led case management: no leadership job.
    assert "case-management-leader" not in found


def test_a_leadership_job_is_not_offered_to_someone_who_cannot_reach_cmac(assess):
    # A nurse case manager since June 2026 with no degree: CMAC is out of reach.
    assert "case-management-leader" not in jobs(assess(NEW_NCM))


def test_holding_a_helpful_certification_makes_a_fitting_job_strong(assess):
    rn = person(licenses=[licence("rn")])
    assert jobs(assess(rn))["medical-case-manager"]["fit"] == "good"
    with_ccm = jobs(assess({**rn, "credentials": ["ccm"]}))["medical-case-manager"]
    assert with_ccm["fit"] == "strong"
    assert "You hold Board-Certified Case Manager (CCM)." in with_ccm["why"]


def test_nothing_known_about_a_person_fits_no_job(assess):
    assert assess(person(attestations=[]))["jobs"] == []


# --- the leadership job for whoever meets ACM's (or CCM's) rules (issue #16, item 5) --------

LEADER = "case-management-leader"
ONE_AWAY = (
    "Once you hold Accredited Case Manager (ACM), you can sit for Case Management Administrator"
    " Certification (CMAC): \u201cACM plus 2 years in case management or leadership\u201d."
)


def test_a_nurse_who_meets_acms_rules_still_sees_leadership_one_certification_from_cmac(assess):
    # Six years a nurse case manager with a bachelor's: CMAC's "bachelor's plus 5 years" is
    # closed to her because she meets ACM's rules, and track 1 wants ACM held.
    nurse = person(
        licenses=[licence("rn")],
        degrees=[degree("bachelor", "nursing")],
        experience=[job("nurse-case-manager", "hospital", "2020-09-01")],
    )
    results = assess(nurse)
    assert (status(results, "acm"), status(results, "cmac")) == ("eligible", "not_eligible")
    leader = jobs(results)[LEADER]
    assert leader["fit"] == "possible"  # her hospital, not a leadership background
    assert "You can sit for Accredited Case Manager (ACM) now." in leader["why"]
    assert leader["why"][-1] == ONE_AWAY


def test_a_supervisor_who_can_sit_for_acm_is_a_strong_fit_for_leadership(assess):
    # A year as a nurse case manager, then six months leading: ACM now, but 18 months is short
    # of CMAC's "ACM plus 2 years", so only her leadership background brings the job.
    supervisor = person(
        licenses=[licence("rn")],
        experience=[
            job("nurse-case-manager", "hospital", "2025-05-01", "2026-05-31"),
            job("case-management-supervisor", "hospital", "2026-06-01"),
        ],
    )
    results = assess(supervisor)
    assert (status(results, "acm"), status(results, "cmac")) == ("eligible", "not_eligible")
    leader = jobs(results)[LEADER]
    assert leader["fit"] == "strong"
    assert leader["why"][0] == (
        "Fits your background: your work as a case management supervisor or leader."
    )
    assert "You can sit for Accredited Case Manager (ACM) now." in leader["why"]
    assert ONE_AWAY not in leader["why"]


def test_a_supervisor_who_can_sit_for_ccm_but_not_acm_or_cmac_sees_leadership(assess):
    # A licensed counselor leading an insurer's case managers, no degree: no ACM (not a nurse or
    # social worker), so no CMAC either; CCM's "12 months supervising case managers" is met.
    counselor = person(
        licenses=[licence("counselor")],
        experience=[job("case-management-supervisor", "insurance", "2025-09-24")],
    )
    results = assess(counselor)
    assert [status(results, c) for c in ("ccm", "acm", "cmac")] == [
        "eligible", "not_eligible", "not_eligible",
    ]  # fmt: skip
    leader = jobs(results)[LEADER]
    assert leader["fit"] == "strong"
    assert "You can sit for Board-Certified Case Manager (CCM) now." in leader["why"]


def test_a_leadership_background_alone_does_not_bring_the_leadership_job(assess):
    # Leading case management with no licence or degree: no certification that helps is in
    # reach, and the job is a next step through them.
    alone = person(experience=[job("case-management-supervisor", "hospital", "2025-09-24")])
    results = assess(alone)
    assert all(r["status"] == "not_eligible" for r in results["results"])
    assert LEADER not in jobs(results)


# --- the newer certifications on the jobs they help with ------------------------------------


def test_a_disability_manager_who_can_sit_for_cdms_fits_return_to_work_case_management(assess):
    manager = person(
        degrees=[degree("bachelor", "business")],
        experience=[job("disability-manager", "employer", "2023-01-01")],
        attestations=["good-moral-character", "cdms-practice-domains"],
    )
    found = jobs(assess(manager))
    rtw = found["disability-management-case-manager"]
    assert rtw["name"] == "Disability management / return-to-work case manager"
    assert rtw["fit"] == "strong"
    assert rtw["why"] == [
        "Fits your background: your work as a disability or return-to-work manager.",
        "These jobs are found where you have worked: employer's own absence, disability or"
        " occupational health programme.",
        "You can sit for Certified Disability Management Specialist (CDMS) now.",
    ]
    assert rtw["soc_codes"] == ["21-1015.00", "13-1031.00", "29-1141.00"]
    assert list(found)[0] == "disability-management-case-manager"  # before any-bachelor jobs


def test_a_social_worker_who_can_sit_for_c_swcm_is_told_so_on_the_social_work_jobs(assess):
    social_worker = person(
        licenses=[licence("social-worker")],
        degrees=[degree("bachelor", "social-work")],
        experience=[job("case-manager", "community", "2020-01-01")],
        attestations=["good-moral-character", "nasw-code-of-ethics"],
    )
    results = assess(social_worker)
    assert status(results, "c-swcm") == "eligible"
    found = jobs(results)
    told = "You can sit for Certified Social Work Case Manager (C-SWCM) now."
    for code in ("child-case-manager", "housing-case-manager", "homeless-shelter-case-manager",
                 "emergency-shelter-case-manager", "geriatric-case-manager",
                 "developmental-disability-case-manager"):  # fmt: skip
        assert told in found[code]["why"], code
        assert (
            "Certified Advanced Social Work Case Manager (C-ASWCM)" in found[code]["helpful_names"]
        ), code
    assert told not in found["hospital-case-manager"]["why"]  # ACM-SW's ground


def test_a_nurse_who_can_sit_for_cmcn_is_told_so_on_the_managed_care_jobs(assess):
    nurse = person(licenses=[licence("rn")], credentials=["aamcn-managed-care-course"])
    results = assess(nurse)
    assert status(results, "cmcn") == "eligible"
    found = jobs(results)
    told = "You can sit for Certified Managed Care Nurse (CMCN) now."
    for code in ("health-insurance-case-manager", "nursing-case-manager"):
        assert told in found[code]["why"], code
    assert told not in found["hospital-case-manager"]["why"]


def test_a_rehabilitation_counselor_sees_return_to_work_case_management_among_her_jobs(assess):
    counselor = person(
        degrees=[{**degree("master", "rehabilitation-counseling"), "completed": "2023-05-15"}],
        experience=[job("rehabilitation-counselor", "government", "2023-06-01",
                        supervisor_credentials=["crc"])],
    )  # fmt: skip
    results = assess(counselor)
    found = jobs(results)
    rtw = found["disability-management-case-manager"]
    order = [job["code"] for job in results["jobs"]]
    # Her own field and line of work fit better than a job open to any bachelor's.
    assert order.index("disability-management-case-manager") < order.index("housing-case-manager")
    assert rtw["fit"] in ("strong", "good")
    assert "Fits your background: " in rtw["why"][0]
    assert "Certified Rehabilitation Counselor (CRC)" in " ".join(rtw["helpful_names"])
    # Her degree is above a bachelor's: the reason does not shrink it to one.
    assert not any("background: a bachelor's degree." in w for j in found.values()
                   for w in j["why"])  # fmt: skip
