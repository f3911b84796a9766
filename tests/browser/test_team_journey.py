"""An organisation admin's team, in a browser: add an advisor, who follows the invitation,
chooses a password and logs in; promote them; the pages have no axe violation."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from advising.models import Membership, Organisation
from tests.advisors.conftest import member

from .journeys import press_button
from .test_accessibility import Audit
from .test_advisor_journey import log_in


@pytest.fixture(scope="module")
def axe():
    return Axe()


def test_an_admin_adds_an_advisor_who_sets_a_password_and_logs_in(
    site, page, new_page, axe, mailoutbox
):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    member(org, "cleo", Membership.ADMIN)
    member(org, "ada")
    audit = Audit(axe, page)

    log_in(page, site, "cleo")
    with page.expect_navigation():
        page.get_by_role("link", name="Team", exact=True).click()
    assert page.locator("h1").inner_text() == "Team of Riverside Workforce Board"
    audit.check("/advisor/team/")

    with page.expect_navigation():
        page.get_by_role("link", name="Add an advisor").click()
    audit.check("/advisor/team/new/")
    press_button(page, "Add and send the invitation")
    assert page.title().startswith("Error:")
    assert page.locator("#error-summary").is_visible()
    audit.check("/advisor/team/new/ (empty)")

    page.get_by_label("First name").fill("Nadia")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("E-mail").fill("nadia@riverside.example")
    page.get_by_label("Organisation admin").check()
    press_button(page, "Add and send the invitation")
    assert urlsplit(page.url).path == "/advisor/team/"
    assert page.get_by_role("status").filter(has_text="Invitation e-mail sent to Nadia").count()
    audit.check("/advisor/team/ (advisor added)")

    press_button(page, "Make organisation admin (Ada Lee)")
    promoted = page.get_by_role("status").filter(has_text="Ada Lee is now an organisation admin")
    assert promoted.count() == 1
    assert page.get_by_role("button", name="Make advisor (Ada Lee)").count() == 1

    # Nadia, in her own browser, follows the link of the e-mail.
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/reset/\S+/", mailoutbox[0].body).group(0)
    nadia = new_page()
    nadia.goto(link)
    nadia.locator("#id_new_password1").fill("river-otter-lantern-93")
    nadia.locator("#id_new_password2").fill("river-otter-lantern-93")
    press_button(nadia, "Save the new password")
    nadia.goto(f"{site}/accounts/login/")
    nadia.get_by_label("Username").fill("nadia@riverside.example")
    nadia.get_by_label("Password").fill("river-otter-lantern-93")
    press_button(nadia, "Log in")
    assert urlsplit(nadia.url).path == "/advisor/"
    assert nadia.get_by_role("link", name="Team", exact=True).count() == 1  # an admin
    audit.assert_clean()


def test_a_plain_advisor_sees_why_the_team_page_is_closed(site, page, axe):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    member(org, "cleo", Membership.ADMIN)
    member(org, "ada")
    log_in(page, site, "ada")
    assert page.get_by_role("link", name="Team", exact=True).count() == 0
    response = page.goto(f"{site}/advisor/team/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "Only an organisation admin can manage the team"
    audit = Audit(axe, page)
    audit.check("/advisor/team/ (403 for an advisor)")
    audit.assert_clean()
