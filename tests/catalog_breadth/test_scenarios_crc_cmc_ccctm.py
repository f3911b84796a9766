"""The hand-worked CRC, CMC and CCCTM scenarios (scenarios_crc_cmc_ccctm.py) through the engine
and the seeded catalog, and what the pages show of CCCTM's closed applications."""

import pytest

from tests.catalog_breadth.scenarios_crc_cmc_ccctm import SCENARIOS
from tests.catalog_breadth.test_scenarios_3b import matches_by_hand


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_the_hand_worked_scenario_matches_the_engine(assess, scenario):
    matches_by_hand(assess, scenario)


NURSE_MEETING_CCCTM = next(
    s["profile"] for s in SCENARIOS if s["name"].startswith("ccctm is not shown as eligible")
)


@pytest.mark.django_db
def test_a_nurse_meeting_ccctms_rules_reads_that_new_applications_may_be_closed(client, seeded):
    from tests.test_explanations import card, results_page

    ccctm = card(results_page(client, NURSE_MEETING_CCCTM), "ccctm")
    assert "Eligible now" not in ccctm
    assert (
        "These rules could not be checked on the American Nurses Credentialing Center's own"
        in ccctm
    )
    assert "suspended new CCCTM applications on 22 August 2019" in ccctm
    assert "Has ANCC told you that it accepts first-time applications for the CCCTM?" in ccctm
    confirmed = {**NURSE_MEETING_CCCTM, "attestations": ["ccctm-new-applications-open"]}
    ccctm = card(results_page(client, confirmed), "ccctm")
    # Even once she says ANCC takes her, the card keeps the notice and the warning.
    assert "Eligible now" in ccctm
    assert "suspended new CCCTM applications on 22 August 2019" in ccctm
    assert "could not be checked on the American Nurses Credentialing Center's own" in ccctm


@pytest.mark.django_db
def test_the_certification_list_says_who_crc_cmc_and_ccctm_are_for(client, seeded):
    from tests.test_catalog_pages import text_of

    page = text_of(client.get("/certifications/"))
    for name in (
        "Certified Rehabilitation Counselor (CRC)",
        "Care Manager Certified (CMC)",
        "Certified in Care Coordination and Transition Management (CCCTM)",
    ):
        assert name in page
    assert "For Rehabilitation counselors, and counselors with a master's degree" in page
    assert "For Care managers of older or disabled adults" in page
    assert "(new applications may be closed)" in page


@pytest.mark.django_db
def test_each_fact_of_the_new_certifications_cites_its_own_source_or_says_it_was_not_found(
    client, seeded
):
    from tests.test_catalog_pages import fact_of

    crc = client.get("/certifications/crc/").content.decode()
    assert "175 multiple-choice questions" in fact_of(crc, "Exam")
    assert "Verified" in fact_of(crc, "Exam")
    assert "Not listed here; ask the Commission on Rehabilitation Counselor" in fact_of(crc, "Fees")
    cmc = client.get("/certifications/cmc/").content.decode()
    windows = fact_of(cmc, "Exam windows")
    assert "The 2026 and 2027 dates were not found" in windows
    assert "Secondary source" in windows and "Verified" not in windows
    ccctm = client.get("/certifications/ccctm/").content.decode()
    assert "Not verified." in ccctm
    assert "aaacn.org/article/msncb-evaluating-ccctm" in ccctm
