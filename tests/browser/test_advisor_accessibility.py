"""axe-core finds no violation on the advisor pages, the account pages and the invitation pages.

As in test_accessibility.py: every page of a test is checked before the test fails, and the
failure shows axe's report of each page with violations.
"""

import copy
import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe

from advising.models import Assessment, Organisation
from advising.summaries import record_assessment
from eligibility.catalog import get_snapshot
from tests.advisors.conftest import add_client, member

from .journeys import months_before, press_button
from .test_accessibility import Audit
from .test_advisor_journey import PASSWORD, log_in, nurse_since


@pytest.fixture(scope="module")
def axe():
    return Axe()


def test_account_pages_and_a_dead_invitation_link(site, page, axe):
    audit = Audit(axe, page)
    audit.visit(f"{site}/accounts/login/", "/accounts/login/")

    member(Organisation.objects.create(name="Riverside", slug="riverside"), "ada")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("not-" + PASSWORD)
    press_button(page, "Log in")
    assert page.title().startswith("Error:")
    assert page.locator("#error-summary").is_visible()
    audit.check("/accounts/login/ (wrong password)")

    audit.visit(f"{site}/accounts/password_reset/", "/accounts/password_reset/")

    response = page.goto(f"{site}/invite/not-a-real-token/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "This link no longer works"
    audit.check("/invite/<bad token>/ (link no longer works)")
    audit.assert_clean()


def test_advisor_pages(site, page, new_page, axe):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    ada = member(org, "ada")
    today = dt.date.today()
    first = nurse_since(months_before(today, 40))
    rita = add_client(
        org,
        ada,
        "Ready Rita",
        first,
        email="rita@example.org",
        external_id="R-1",
        notes="Prefers evening calls.",
    )
    add_client(org, ada, "Soon Sam", nurse_since(months_before(today, 9)))
    add_client(org, ada, "Later Lou", nurse_since(months_before(today, -2)))
    add_client(org, ada, "Unassessed Una")
    # A second assessment, by the client, so the history lists what changed.
    later = copy.deepcopy(first)
    later["references"] = 2
    later["education"][0]["hours"] = 20
    record_assessment(rita, later, get_snapshot(), source=Assessment.BY_CLIENT)

    log_in(page, site, "ada")
    audit = Audit(axe, page)
    assert page.locator("svg.chart rect").count() > 0
    audit.check("/advisor/ (dashboard with its chart)")

    audit.visit(
        f"{site}/advisor/clients/?q=&certification=ccm&status=now&status=6m&sort=soonest",
        "/advisor/clients/ (filtered)",
    )
    assert page.locator("table.data tbody tr").count() == 2

    audit.visit(f"{site}/advisor/clients/{rita.pk}/", "/advisor/clients/<pk>/")
    assert page.locator("article.result-card").count() > 0
    assert page.locator("ol.history > li").count() == 2

    audit.visit(f"{site}/advisor/clients/new/", "/advisor/clients/new/")
    press_button(page, "Save")
    assert page.locator("#error-summary").is_visible()
    audit.check("/advisor/clients/new/ (empty name)")

    page.goto(f"{site}/advisor/clients/{rita.pk}/")
    press_button(page, "Invite Ready Rita to fill it in")
    link = page.locator("#invitation-link").inner_text().strip()
    audit.check("/advisor/clients/<pk>/invite/ (invitation created)")

    audit.visit(
        f"{site}/advisor/clients/{rita.pk}/assessment/work/",
        "/advisor/clients/<pk>/assessment/work/",
    )
    assert page.locator("#id_work-entries-0-role").input_value() == "nurse-case-manager"

    client = new_page()  # the invited client: no session
    client_audit = Audit(axe, client)
    client_audit.visit(link, "/invite/<token>/ (first step)")
    assert client.locator("h1").inner_text().startswith("Licences")
    audit.failures.update(client_audit.failures)
    audit.assert_clean()
