"""A nurse reads her plan's first words in the right order (issue #13, items 5–7): applying
first, with the next exam window; the path in date order; the nearest win before the far one.
A business graduate reads which licences and degrees open which certifications (item 8)."""

import datetime as dt
import re

from axe_playwright_python.sync_playwright import Axe

from .journeys import card, complete, long_date

WINDOW_MONTHS = (4, 8, 12)  # the seeded catalog: CCM's windows are April, August and December


def next_window(after: dt.date) -> dt.date:
    """The first day of the first CCM window that begins after `after`."""
    for year in (after.year, after.year + 1):
        for month in WINDOW_MONTHS:
            opens = dt.date(year, month, 1)
            if opens > after:
                return opens
    raise AssertionError("no window within two years")


def nurse(today: dt.date) -> dict:
    """An RN case manager for three and a half years whose licence runs out in 16 months,
    with 20 of CMGT-BC's 30 hours of nursing case management education."""
    return {
        "licences": [{"type": "rn", "expires": (today + dt.timedelta(days=480)).isoformat()}],
        "education": [{"level": "bachelor", "field": "nursing"}],
        "work": [
            {
                "role": "nurse-case-manager", "setting": "hospital",
                "start": (today - dt.timedelta(days=1280)).isoformat(),
                "ongoing": True, "hours_per_week": "40",
            }
        ],
        "training": [
            {
                "topic": "nursing-case-management", "hours": "20",
                "completed": (today - dt.timedelta(days=200)).isoformat(),
            }
        ],
    }  # fmt: skip


def lines(locator) -> list[str]:
    return [" ".join(text.split()) for text in locator.all_inner_texts()]


def test_a_nurse_reads_apply_first_then_the_nearest_win_and_her_path_in_date_order(site, page):
    today = dt.date.today()
    complete(page, site, nurse(today))
    glance = lines(page.get_by_role("region", name="At a glance").locator("li"))
    window = next_window(today)
    assert glance[0] == (
        "Board-Certified Case Manager (CCM): Eligible now "
        f"Apply now for the {window:%B %Y} exam window."
    )
    assert glance[1] == "Accredited Case Manager (ACM): Eligible now Apply now."
    assert glance[2] == (
        "Nursing Case Management Certification (CMGT-BC): Not yet "
        "What it takes: 10 more CE hours in nursing case management."
    )
    # CMC and CCCTM wait only for her answers (she said No to their questions), then CMAC.
    assert glance[3].startswith("Care Manager Certified (CMC): Not yet What it takes:")
    assert glance[4].startswith("Certified in Care Coordination and Transition Management")
    assert glance[5].startswith("Case Management Administrator Certification (CMAC): Eligible on")

    # Her CCM path: apply today, the exam window, the licence renewal, then (undated) renewing.
    path = lines(card(page, "ccm").locator("ol.path > li"))
    expires = today + dt.timedelta(days=480)
    assert path[0].startswith(f"{long_date(today)} Apply to The Commission (formerly CCMC)")
    assert path[1].startswith(f"{long_date(window)} Sit the exam in the {window:%B %Y} window")
    assert (
        path[2]
        == f"{long_date(expires)} Renew your licence before it expires on {long_date(expires)}."
    )
    assert path[3].startswith("Once certified, renew every 5 years")
    dated = [re.match(r"\d{1,2} \w+ \d{4}", step) for step in path]
    days = [dt.datetime.strptime(m.group(0), "%d %B %Y").date() for m in dated if m]
    assert days == sorted(days)

    # The cards come in the same order as the lines above them.
    order = page.locator("article.result-card").evaluate_all(
        "cards => cards.map(c => c.getAttribute('aria-labelledby'))"
    )
    # Hers first; then those for other backgrounds (disability managers, social workers).
    assert order[:6] == [
        "cert-ccm", "cert-acm", "cert-cmgt-bc", "cert-cmc", "cert-ccctm", "cert-cmac"]  # fmt: skip
    assert set(order[6:]) == {
        "cert-cdms", "cert-cmcn", "cert-c-swcm", "cert-c-aswcm", "cert-crc"}  # fmt: skip
    audit = Axe().run(page)
    assert audit.violations_count == 0, audit.generate_report()


def test_a_business_graduate_reads_which_licences_and_degrees_open_which_certifications(site, page):
    complete(page, site, {"education": [{"level": "bachelor", "field": "business"}]})
    table = page.get_by_role("table")
    row = table.get_by_role("row", name=re.compile(r"^A registered nurse \(RN\) licence"))
    # Not the CMC: its RN route asks for a nursing diploma as well, a row of its own.
    assert " ".join(row.inner_text().split()) == (
        "A registered nurse (RN) licence Board-Certified Case Manager (CCM), Accredited Case "
        "Manager (ACM), Nursing Case Management Certification (CMGT-BC), Certified Disability "
        "Management Specialist (CDMS), Certified Managed Care Nurse (CMCN), Certified in Care "
        "Coordination and Transition Management (CCCTM)"
    )
    both = table.get_by_role("row", name=re.compile(r"^A diploma or higher in nursing, with a "))
    assert "Care Manager Certified (CMC)" in both.inner_text()
    others = page.get_by_role("region", name="For other backgrounds")
    # CCM, ACM, CMGT-BC, CMCN, CCCTM, CRC and NASW's two: each needs a licence or degree she
    # lacks (CMC's third route takes her bachelor's in business).
    assert others.get_by_role("heading", level=3).count() == 8
    glance = lines(page.get_by_role("region", name="At a glance").locator("li"))
    assert glance[0].startswith("Case Management Administrator Certification (CMAC): Not yet")
    assert glance[1].startswith("Certified Disability Management Specialist (CDMS): Not yet")
    assert glance[2].startswith("Care Manager Certified (CMC): Not yet")
    assert (
        "Nursing Case Management Certification (CMGT-BC): Needs another licence or degree "
        "For people with a registered nurse (RN) licence."
    ) in glance[3:]
    assert all("Needs another licence or degree" in line for line in glance[3:]), glance
    audit = Axe().run(page)
    assert audit.violations_count == 0, audit.generate_report()
