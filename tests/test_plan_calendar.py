"""The plan's dates as a calendar file: what goes in, and the two download links."""

import datetime as dt

import pytest
from icalendar import Calendar

from eligibility.ics import plan_calendar, plan_events
from eligibility.plans import save_plan
from tests.conftest import SPEC_EXAMPLE
from tests.test_assessment_wizard import complete
from tests.test_engine_scenarios import ncm_with_licence_expiring


def events(ics: bytes) -> list[tuple[dt.date, str, str]]:
    calendar = Calendar.from_ical(ics)
    return [
        (e.decoded("dtstart"), str(e["summary"]), str(e["description"]))
        for e in calendar.walk("VEVENT")
    ]


def test_the_spec_nurse_gets_applying_and_the_exam_window(assess):
    found = events(plan_calendar(assess(SPEC_EXAMPLE)))
    # Applying today is an event too (issue #13: the calendar held only what lay ahead).
    assert [(day, summary) for day, summary, _ in found] == [
        (dt.date(2026, 11, 23), "Apply for Board-Certified Case Manager (CCM)"),
        (dt.date(2026, 11, 23), "Apply for Accredited Case Manager (ACM)"),
        (dt.date(2026, 12, 1), "CCM: exam window, December 2026"),
        # CMAC's bachelor route (25 December 2027) is track 2, closed to her: she meets ACM's
        # rules (SPEC §3b), so CMAC waits on her earning ACM and has no date of its own.
    ]  # fmt: skip
    # Earning ACM on the way to CMAC, dated today, is applying for ACM: not a second event.
    assert not any("sooner route" in summary for _, summary, _ in found)


def test_a_licence_renewal_several_certifications_need_is_one_event(assess):
    renewals = [
        e for e in plan_events(assess(ncm_with_licence_expiring("2027-03-31")))
        if e["date"] == "2027-03-31"
    ]  # fmt: skip
    assert len(renewals) == 1
    assert renewals[0]["summary"] == "Renew your licence before it expires on 31 March 2027."
    assert renewals[0]["description"].endswith(
        "Needed for Board-Certified Case Manager (CCM), Accredited Case Manager (ACM), "
        "Nursing Case Management Certification (CMGT-BC), Certified Disability Management "
        "Specialist (CDMS), Certified Managed Care Nurse (CMCN), Care Manager Certified (CMC), "
        "Certified in Care Coordination and Transition Management (CCCTM)."
    )


def test_events_keep_their_identity_when_the_plan_is_exported_again(assess):
    def uids(ics):
        return [str(e["uid"]) for e in Calendar.from_ical(ics).walk("VEVENT")]

    first = uids(plan_calendar(assess(SPEC_EXAMPLE)))
    assert len(set(first)) == len(first) == 3
    assert uids(plan_calendar(assess(SPEC_EXAMPLE))) == first


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
class TestDownloads:
    def test_the_results_page_offers_the_dates_and_the_file_holds_them(self, client):
        page = complete(client).content.decode()
        assert 'href="/assess/results/calendar.ics"' in page
        response = client.get("/assess/results/calendar.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="certification-plan.ics"'
        assert "no-store" in response["Cache-Control"]
        assert any(
            "Accredited Case Manager (ACM)" in summary for _, summary, _ in events(response.content)
        )

    def test_without_answers_the_file_sends_the_person_to_the_start(self, client):
        response = client.get("/assess/results/calendar.ics")
        assert response.status_code == 302
        assert response["Location"] == "/assess/"

    def test_a_saved_plans_file_links_back_to_the_plan(self, client):
        token = save_plan(profile=SPEC_EXAMPLE)
        assert (
            f'href="/plan/{token}/calendar.ics"' in client.get(f"/plan/{token}/").content.decode()
        )
        response = client.get(f"/plan/{token}/calendar.ics")
        assert response.status_code == 200
        for _, _, description in events(response.content):
            assert description.endswith(f"Your plan: http://testserver/plan/{token}/")

    def test_an_unknown_plan_has_no_file(self, client):
        assert client.get("/plan/not-a-real-token/calendar.ics").status_code == 404

    def test_a_plan_with_nothing_ahead_offers_no_file(self, client):
        nothing = {"as_of": "2026-11-23"}  # not eligible for anything, nothing dated
        token = save_plan(profile=nothing)
        assert "calendar.ics" not in client.get(f"/plan/{token}/").content.decode()


# An LPN with a nursing diploma, working as a nurse case manager: the CMC's criterion III for an
# RN diploma needs an RN licence as well, so its hours (reached in 2028) are no date of hers.
LPN_CASE_MANAGER = {
    "as_of": "2026-12-08",
    "licenses": [{"type": "lpn", "active": True, "good_standing": True,
                  "expires": "2028-06-30"}],
    "degrees": [{"level": "diploma", "field": "nursing", "accredited": True}],
    "experience": [{"role": "nurse-case-manager", "setting": "home-health", "start": "2023-12-01",
                    "end": None, "hours_per_week": 36, "paid": True, "supervised": True}],
}  # fmt: skip


def test_a_certification_shut_to_the_person_puts_no_dates_in_their_calendar(assess):
    results = assess(LPN_CASE_MANAGER)
    cmc = next(c for c in results["results"] if c["certification"] == "cmc")
    assert cmc["reach"]["kind"] == "background"
    assert any(s["date"] for s in cmc["next_steps"] if not s.get("renewal"))  # the card has some
    found = plan_events(results)
    assert not any(e["summary"].startswith("CMC:") or "(CMC)" in e["summary"] for e in found)
    # Her own licence's renewal is still in it.
    assert any(e["date"] == "2028-06-30" for e in found)
