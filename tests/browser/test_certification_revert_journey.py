"""An editor changes CCM's supervised hours, then goes back from the certification's history.

Issue 13, item 14: the certification's own History → Revert used to report success while the
rule stayed changed. Here the editor (not a superuser) changes the hours in the browser, reads
on the certification's history what changed, opens the version before, reads what going back
changes, confirms, and sees the rule restored, on the page and for the public.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from eligibility.catalog import get_snapshot
from eligibility.models import Certification, Condition

from .journeys import press_button
from .test_accessibility import Audit
from .test_editor_journey import log_in, make_editor

HOURS = "#id_groups-1-options-0-conditions-0-p_hours"
ROUTE = "12 months under a CCM-certified supervisor"
SHOTS = Path(os.environ.get("CAREERPATH_SHOTS", "/tmp/shots/editors"))


@pytest.fixture(scope="module")
def axe():
    return Axe()


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def supervised_hours() -> int:
    return Condition.objects.get(
        option__group__certification__code="ccm", option__code="supervised-by-ccm"
    ).params["hours"]


def test_an_editor_reverts_a_rule_change_from_the_certifications_history(site, new_page, axe):
    make_editor()
    editor = new_page()
    log_in(editor, site)
    audit = Audit(axe, editor)
    ccm = Certification.objects.get(code="ccm")

    # 1. Change the hours of the supervised route; the preview says the name no longer
    # matches (item 11); save anyway, and the message after saving says it again.
    editor.goto(f"{site}/admin/eligibility/certification/{ccm.pk}/change/")
    expect(editor.locator(HOURS)).to_have_value("2080")
    editor.locator(HOURS).fill("1500")
    press_button(editor, "Preview the changes")
    flag = f"the route “{ROUTE}” says 12 months (2,080 hours), but its rule needs 1,500 hours"
    expect(editor.locator("#content-main .errornote").first).to_contain_text(flag)
    audit.check("preview with a name that contradicts its numbers")
    shot(editor, "0-preview-name-flag", full_page=False)
    press_button(editor, "Save these changes")
    expect(editor.locator(".messagelist")).to_contain_text(flag)
    assert supervised_hours() == 1500
    assert get_snapshot().certification("ccm").groups[1].options[0].conditions[0].hours == 1500

    # 2. The certification's history says what changed, in words.
    editor.goto(f"{site}/admin/eligibility/certification/{ccm.pk}/change/")
    with editor.expect_navigation():
        editor.get_by_role("link", name="History", exact=True).click()
    rows = editor.locator("#change-history tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(
        f"The hours of work needed for “{ROUTE}” changed from 2,080 to 1,500"
    )
    expect(rows.first).to_contain_text("edna-editor")
    expect(rows.last).to_contain_text("The certification was added")
    audit.check("certification history")
    shot(editor, "1-certification-history")

    # 3. The version before the change: what going back changes, nothing changed yet.
    with editor.expect_navigation():
        rows.last.get_by_role("link").click()
    main = editor.locator("#content-main")
    expect(editor.locator("h1")).to_contain_text("Go back to the version of")
    expect(main).to_contain_text(
        f"The hours of work needed for “{ROUTE}” changes from 1,500 to 2,080"
    )
    expect(main).to_contain_text("At least 2,080 hours")  # the rules after going back
    assert supervised_hours() == 1500
    audit.check("revert confirmation")
    shot(editor, "2-revert-confirmation")

    # 4. Go back: the rule is restored, and the page and the engine say so.
    press_button(editor, "Go back to this version")
    assert urlsplit(editor.url).path == f"/admin/eligibility/certification/{ccm.pk}/change/"
    expect(editor.locator(".messagelist")).to_contain_text(
        f"the hours of work needed for “{ROUTE}” changed from 1,500 to 2,080"
    )
    expect(editor.locator(HOURS)).to_have_value("2080")
    expect(editor.locator(".field-rule_tree")).not_to_contain_text("contradicts its numbers")
    assert supervised_hours() == 2080
    assert get_snapshot().certification("ccm").groups[1].options[0].conditions[0].hours == 2080
    shot(editor, "3-after-revert", full_page=False)  # the message; the form is long

    # 5. The history now shows the revert as its own version, by the editor.
    editor.goto(f"{site}/admin/eligibility/certification/{ccm.pk}/history/")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("Reverted to the version of")
    expect(rows.first).to_contain_text("changed from 1,500 to 2,080")
    shot(editor, "4-history-after-revert")
    audit.assert_clean()
