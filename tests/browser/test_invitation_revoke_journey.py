"""An advisor revokes an invitation link from the client's page; the link then tells the
client it no longer works. Both pages pass axe."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from advising.models import Organisation
from tests.advisors.conftest import add_client, member

from .journeys import press_button
from .test_accessibility import Audit
from .test_advisor_journey import log_in


@pytest.fixture(scope="module")
def axe():
    return Axe()


def test_an_advisor_revokes_a_link_and_the_client_is_told_it_no_longer_works(
    site, page, new_page, axe
):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    maria = add_client(org, member(org, "ada"), "Maria Garcia")
    log_in(page, site, "ada")
    page.goto(f"{site}/advisor/clients/{maria.pk}/")
    press_button(page, "Invite Maria Garcia to fill it in")
    link = page.locator("#invitation-link").inner_text().strip()

    audit = Audit(axe, page)
    audit.visit(f"{site}/advisor/clients/{maria.pk}/", "/advisor/clients/<pk>/ (an open link)")
    invitations = page.locator("#invitations-heading + ul")
    assert "open until" in invitations.inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"^Revoke this link")).click()
    assert urlsplit(page.url).path == f"/advisor/clients/{maria.pk}/"
    assert "The invitation link no longer works" in page.content()
    assert "closed" in invitations.inner_text()
    assert page.get_by_role("button", name=re.compile(r"^Revoke this link")).count() == 0
    audit.check("/advisor/clients/<pk>/ (link revoked)")

    client = new_page()  # the invited client: no session
    response = client.goto(link)
    assert response.status == 404
    assert client.locator("h1").inner_text() == "This link no longer works"
    audit.assert_clean()
