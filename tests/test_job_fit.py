"""Job options: which of the case-manager job types fit a person, how well, and why."""

from tests.conftest import SPEC_EXAMPLE
from tests.test_engine_scenarios import BSW_14_MONTHS, NEW_NCM, licence, person

FITS = ("strong", "good", "possible")


def jobs(results: dict) -> dict[str, dict]:
    return {job["code"]: job for job in results["jobs"]}


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
    ]


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
    # She meets ACM's rules, so CMAC's track 2 is closed to her (SPEC §3b) and CMAC waits on
    # her earning ACM: no leadership job is offered on CMAC's account.
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
