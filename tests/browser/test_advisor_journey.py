"""An advisor's journeys: log in, add a client, invite them; the client fills the assessment in
through the link (in their own browser, not logged in); the advisor sees it on the dashboard and
the client's page. And the client list's filters, which the CSV link carries along.
"""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from advising.models import Organisation
from tests.advisors.conftest import add_client, member, new_hire

from .journeys import answer_about, fill_entry, months_before, press_button, status

PASSWORD = "a-long-test-password"  # tests/factories.py UserFactory
CCM = "Board-Certified Case Manager (CCM)"


def log_in(page, site: str, username: str) -> None:
    """Through the login form; ends on the dashboard."""
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    press_button(page, "Log in")
    assert urlsplit(page.url).path == "/advisor/", page.url


def nurse_since(start: dt.date) -> dict:
    """A nurse case manager (hospital, full time, CCM supervisor) since `start`, as of today."""
    today = dt.date.today()
    profile = new_hire(start.isoformat())
    profile["as_of"] = today.isoformat()
    profile["education"][0]["completed"] = (today - dt.timedelta(days=90)).isoformat()
    return profile


def eligible_now(page, cert: str = CCM):
    """The dashboard's link with the number of clients eligible now for `cert`."""
    return page.get_by_role("link", name=f"eligible now for {cert}")


def test_an_invited_client_fills_in_the_assessment_and_the_advisor_sees_it(site, new_page):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    member(org, "ada")
    advisor = new_page()
    log_in(advisor, site, "ada")
    assert eligible_now(advisor).inner_text() == "0"

    with advisor.expect_navigation():
        advisor.get_by_role("link", name="Add a client").click()
    advisor.get_by_label("Name").fill("Maria Garcia")
    advisor.get_by_label("E-mail").fill("maria@example.org")
    press_button(advisor, "Save")
    assert advisor.locator("h1").inner_text() == "Maria Garcia"
    assert advisor.get_by_role("status").filter(has_text="Maria Garcia is saved.").is_visible()
    client_url = advisor.url

    press_button(advisor, "Invite Maria Garcia to fill it in")
    assert advisor.locator("h1").inner_text() == "Invitation for Maria Garcia"
    link = advisor.locator("#invitation-link").inner_text().strip()
    assert urlsplit(link).path.startswith("/invite/")
    advisor.goto(f"{site}/advisor/")
    assert eligible_now(advisor).inner_text() == "0"

    # The client: another browser, no account, no session.
    client = new_page()
    client.goto(link)
    assert (
        "Assessment of Maria Garcia for Riverside Workforce Board"
        in client.locator(".meta").first.inner_text()
    )
    assert client.get_by_role("link", name="Advisor dashboard").count() == 0
    today = dt.date.today()
    answers = {
        "licences": [{"type": "rn"}],
        "education": [{"level": "bachelor", "field": "nursing"}],
        "work": [
            {
                "role": "nurse-case-manager",
                "setting": "hospital",
                "start": "2023-01-01",
                "ongoing": True,
                "hours_per_week": "40",
                "supervised": True,
            }
        ],
        "training": [
            {
                "topic": "nursing-case-management",
                "hours": "12",
                "completed": (today - dt.timedelta(days=90)).isoformat(),
            }
        ],
    }
    for step in ("licences", "education", "work", "training"):
        for values in answers[step]:
            fill_entry(client, step, 0, values)
        if step == "work":
            client.locator("#entry-1").get_by_label(CCM).check()
        press_button(client, "Continue")
        assert "Error" not in client.title(), client.locator("#error-summary").inner_text()
    answer_about(client)
    press_button(client, "Send my answers")

    assert urlsplit(client.url).path.endswith("/done/"), client.url
    assert client.locator("h1").inner_text() == "Thank you, Maria Garcia"
    assert "Riverside Workforce Board" in client.locator(".lead").first.inner_text()
    assert status(client, "ccm") == "Eligible now"
    client.goto(link)  # used: the link stops working
    assert client.locator("h1").inner_text() == "This link no longer works"

    advisor.reload()
    assert eligible_now(advisor).inner_text() == "1"
    assert advisor.locator(".stats li").first.inner_text().split() == ["1", "clients"]

    advisor.goto(client_url)
    assert "completed by the client" in advisor.locator("div.facts").inner_text()
    plan = advisor.locator("section", has=advisor.locator("#plan-heading"))
    assert plan.is_visible()
    assert status(advisor, "ccm") == "Eligible now"
    history = advisor.locator("ol.history > li")
    assert history.count() == 1
    assert "completed by the client" in history.first.inner_text()
    invitations = advisor.locator("section", has=advisor.locator("#invitations-heading"))
    assert "completed" in invitations.inner_text()


def test_the_client_list_filters_by_certification_and_status_and_exports_the_same(site, new_page):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    ada = member(org, "ada")
    today = dt.date.today()
    # Supervised by a CCM holder, CCM asks for 12 months of nursing case management.
    add_client(org, ada, "Ready Rita", nurse_since(months_before(today, 40)))
    add_client(org, ada, "Soon Sam", nurse_since(months_before(today, 9)))  # in 3 months
    add_client(org, ada, "Later Lou", nurse_since(months_before(today, -2)))  # in 14 months
    add_client(org, ada, "Unassessed Una")
    bob = member(org, "bob")
    add_client(org, bob, "Bob's Ben", nurse_since(months_before(today, 40)))  # not ada's
    page = new_page()
    log_in(page, site, "ada")

    with page.expect_navigation():
        page.get_by_role("link", name="Open the client list").click()
    names = page.locator("table.data tbody th[scope=row] a")
    assert names.all_inner_texts() == ["Later Lou", "Ready Rita", "Soon Sam", "Unassessed Una"]

    # The status options lie inside the filters, above the button (not spilling over it).
    last_option = page.get_by_text("Not assessed yet", exact=True).bounding_box()
    button = page.get_by_role("button", name="Show clients").bounding_box()
    assert last_option["y"] + last_option["height"] <= button["y"]

    page.get_by_label("Certification").select_option("ccm")
    page.get_by_role("checkbox", name="Eligible now").check()
    page.get_by_role("checkbox", name="Within 6 months").check()
    page.get_by_label("Sort by").select_option("soonest")
    press_button(page, "Show clients")

    query = parse_qs(urlsplit(page.url).query)
    assert query["certification"] == ["ccm"]
    assert query["status"] == ["now", "6m"]
    assert names.all_inner_texts() == ["Ready Rita", "Soon Sam"]
    assert "2 clients match these filters." in page.get_by_role("status").inner_text()
    headers = page.locator("table.data thead th").all_inner_texts()
    assert CCM in headers

    csv_link = page.get_by_role("link", name="Download this list as CSV")
    href = csv_link.get_attribute("href")
    assert urlsplit(href).path == "/advisor/clients/export.csv"
    assert parse_qs(urlsplit(href).query) == query
    exported = page.request.get(site + href)  # with the page's session cookie
    assert exported.ok
    rows = exported.text().splitlines()
    assert rows[0].startswith("name,email,external_id")
    assert [row.split(",")[0] for row in rows[1:]] == ["Ready Rita", "Soon Sam"]

    # The dashboard's counts link to the same filtered list.
    page.goto(f"{site}/advisor/")
    assert eligible_now(page).inner_text() == "1"
    with page.expect_navigation():
        eligible_now(page).click()
    assert names.all_inner_texts() == ["Ready Rita"]
