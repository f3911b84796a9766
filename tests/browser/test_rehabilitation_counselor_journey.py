"""A rehabilitation counselor with a counseling master's, working in a state vocational
rehabilitation agency under a CRC: CRC's third category, on the date her 36 months are in."""

import datetime as dt

from .journeys import answer_about, card, fill_entry, long_date, months_before, press_button, status


def test_a_rehabilitation_counselor_sees_the_day_she_can_sit_for_crc_and_its_cited_facts(
    site, page
):
    today = dt.date.today()
    start = months_before(today, 20)
    page.goto(f"{site}/assess/licences/")
    fill_entry(page, "licences", 0, {"type": "counselor"})
    press_button(page, "Continue")
    fill_entry(page, "education", 0, {"level": "master", "field": "counseling"})
    press_button(page, "Continue")
    fill_entry(page, "work", 0, {
        "role": "rehabilitation-counselor", "setting": "government",
        "start": start.isoformat(), "ongoing": True, "hours_per_week": "40"})  # fmt: skip
    page.check('input[name="work-entries-0-supervisor_credentials"][value="crc"]')
    press_button(page, "Continue")
    press_button(page, "Continue")
    about = page.locator("main").inner_text()
    # She is asked the CRC's questions (her counseling degree), not the nurses' or NASW's.
    assert "courses CRCC asks of counseling graduates" in about
    assert "ANCC" not in about and "NASW" not in about
    answer_about(page, yes_to=("crc-required-courses",))
    press_button(page, "See my results")

    # 36 months of full-time work: 6,240 hours at 40 a week, both ends of the job counted
    # (docs/engine-rules.md), are in on the 1,092nd day of the job.
    reached = start + dt.timedelta(days=1091)
    assert status(page, "crc") == f"Eligible on {long_date(reached)}"
    crc = card(page, "crc").inner_text()
    assert "Commission on Rehabilitation Counselor Certification" in crc
    assert "6,240" in crc  # what is missing, in hours
    page.screenshot(path="/tmp/ui-shots/rehab-counselor-results.png", full_page=True)

    page.goto(f"{site}/certifications/crc/")
    facts = page.locator("main").inner_text()
    assert "Renewal" in facts and "checked on" in facts
    link = page.get_by_role("link", name="the Commission on Rehabilitation Counselor", exact=False)
    assert link.first.get_attribute("href").startswith("https://www.crccertification.com")
    page.screenshot(path="/tmp/ui-shots/rehab-counselor-crc-page.png", full_page=True)
