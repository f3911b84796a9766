"""A licensed practical nurse: CMCN is the case-management certification open to her, once she
has AAMCN's managed care nursing course; the others ask for an RN licence or a degree."""

from .journeys import answer_about, card, fill_entry, press_button, status


def glance(page, code: str) -> str:
    """The "At a glance" line of one certification."""
    return page.locator(f'section.glance li:has(a[href="#cert-{code}"])').inner_text()


LPN_JOB = {
    "role": "nurse-case-manager", "setting": "insurance", "start": "2022-02-01",
    "ongoing": True, "hours_per_week": "40",
}  # fmt: skip


def walk(page, site, *, course: bool) -> None:
    """The five steps with the mouse: an LPN licence, no degree (the course ticked or not),
    managed-care work at an insurer, no training hours, Yes to the questions."""
    page.goto(f"{site}/assess/licences/")
    fill_entry(page, "licences", 0, {"type": "lpn"})
    press_button(page, "Continue")
    if course:
        page.get_by_label("AAMCN's Comprehensive Introduction to Managed Care Nursing").check()
    press_button(page, "Continue")
    fill_entry(page, "work", 0, LPN_JOB)
    press_button(page, "Continue")
    press_button(page, "Continue")
    answer_about(page)
    press_button(page, "See my results")


def test_an_lpn_with_the_managed_care_course_is_eligible_for_cmcn_now_with_its_facts_cited(
    site, page
):
    walk(page, site, course=True)
    assert status(page, "cmcn") == "Eligible now"
    cmcn = card(page, "cmcn").inner_text()
    assert "American Board of Managed Care Nursing" in cmcn
    page.screenshot(path="/tmp/ui-shots/lpn-results.png", full_page=True)
    # CCM and ACM ask for an RN licence or a degree she does not have: neither is "eligible".
    assert "Eligible now" not in glance(page, "ccm") + glance(page, "acm")
    page.goto(f"{site}/certifications/cmcn/")
    facts = page.locator("main").inner_text()
    assert "Fees" in facts and "checked" in facts.lower()
    page.screenshot(path="/tmp/ui-shots/lpn-cmcn-page.png", full_page=True)


def test_an_lpn_without_the_course_is_told_the_course_is_what_is_missing(site, page):
    walk(page, site, course=False)
    line = glance(page, "cmcn")
    assert "Eligible now" not in line
    # She has the licence; what she lacks is the course, and the line says so.
    assert "Needs another licence or degree" not in line and "For people with" not in line
    assert "Managed Care Nursing" in line
    page.screenshot(path="/tmp/ui-shots/lpn-no-course.png", full_page=True)
