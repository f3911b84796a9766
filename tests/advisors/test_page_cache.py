"""The dashboard and client list are served from a cache, yet always show the latest writes.

Each test opens a page first (so its body is cached), changes something the page shows, and
opens the page again.
"""

import re
from io import StringIO

from django.core.management import call_command

from advising.models import Client
from eligibility import models as m

from .conftest import add_client, member, new_hire, nurse


def main(response) -> str:
    """The page's main content (the header's log-out form carries a per-request token)."""
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def eligible_now(page: str, code: str = "ccm") -> int:
    """The dashboard's "eligible now" count for `code`, read from the table's link."""
    found = re.findall(
        rf'certification={code}&amp;status=now&amp;sort=soonest" aria-label="(\d+) ', page
    )
    assert len(found) == 1, f"no eligible-now count for {code} on the dashboard"
    return int(found[0])


def test_a_second_visit_is_served_from_the_cache(login, advisor, django_assert_max_num_queries):
    for i in range(12):
        add_client(advisor.organisation, advisor, f"Client {i}", nurse())
    browser = login(advisor)
    first = main(browser.get("/advisor/"))
    with django_assert_max_num_queries(5):  # session, user, membership, catalog revision
        second = main(browser.get("/advisor/"))
    assert second == first
    browser.get("/advisor/clients/?sort=soonest")
    with django_assert_max_num_queries(5):
        assert "Client 11" in browser.get("/advisor/clients/?sort=soonest").content.decode()


def test_a_new_assessment_shows_at_once(login, advisor):
    browser = login(advisor)
    client = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    assert eligible_now(browser.get("/advisor/").content.decode()) == 0
    from advising.summaries import record_assessment
    from eligibility.catalog import get_snapshot

    record_assessment(client, nurse(), get_snapshot(), source="advisor")
    assert eligible_now(browser.get("/advisor/").content.decode()) == 1


def test_adding_editing_and_deleting_a_client_show_in_the_list_at_once(login, advisor):
    browser = login(advisor)
    assert "Nadia Okafor" not in browser.get("/advisor/clients/").content.decode()
    response = browser.post(
        "/advisor/clients/new/", {"name": "Nadia Okafor", "advisor": advisor.pk}
    )
    assert response.status_code == 302
    assert "Nadia Okafor" in browser.get("/advisor/clients/").content.decode()
    client = Client.objects.get(name="Nadia Okafor")
    client.name = "Nadia Okafor-Reyes"
    client.save()
    assert "Okafor-Reyes" in browser.get("/advisor/clients/").content.decode()
    browser.post(f"/advisor/clients/{client.pk}/delete/")
    assert (
        f'href="/advisor/clients/{client.pk}/"'
        not in browser.get("/advisor/clients/").content.decode()
    )


def test_renaming_an_advisor_shows_in_the_list_at_once(login, org_admin, advisor):
    add_client(advisor.organisation, advisor, "Maria Garcia", nurse())
    browser = login(org_admin)
    assert "Ada Lee" in browser.get("/advisor/clients/").content.decode()
    advisor.user.last_name = "Lovelace"
    advisor.user.save()
    page = browser.get("/advisor/clients/").content.decode()
    assert "Ada Lovelace" in page and "Ada Lee" not in page


def test_an_admins_cached_list_is_never_shown_to_a_plain_advisor(login, org_admin, advisor, org):
    colleague = member(org, "bob")
    add_client(org, advisor, "Client of Ada", nurse())
    add_client(org, colleague, "Client of Bob", nurse())
    assert "Client of Bob" in login(org_admin).get("/advisor/clients/").content.decode()
    page = login(advisor).get("/advisor/clients/").content.decode()
    assert "Client of Ada" in page and "Client of Bob" not in page
    dashboard = login(advisor).get("/advisor/").content.decode()
    assert "1</span> clients" in dashboard


def test_a_rule_change_shows_on_the_dashboard_at_once(
    login, advisor, django_capture_on_commit_callbacks
):
    add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    browser = login(advisor)
    assert eligible_now(browser.get("/advisor/").content.decode(), "acm") == 1
    condition = m.Condition.objects.filter(
        option__group__certification__code="acm", kind="experience"
    ).first()
    with django_capture_on_commit_callbacks(execute=True):
        condition.params = {**condition.params, "hours": 20000}
        condition.save()
    page = browser.get("/advisor/").content.decode()
    assert eligible_now(page, "acm") == 0
    assert "Ready Rita" in page  # listed among the standing changes


def test_seeding_demo_clients_shows_on_the_dashboard(login, advisor):
    call_command("seed_demo", clients=5, allow_without_debug=True, stdout=StringIO())
    from advising.models import Membership

    admin = Membership.objects.get(user__username="demo-admin")
    browser = login(admin)
    assert "5</span> clients" in browser.get("/advisor/").content.decode()
    call_command("seed_demo", clients=8, allow_without_debug=True, stdout=StringIO())
    # seed_demo sets the demo passwords again, which ends their sessions
    browser = login(Membership.objects.get(user__username="demo-admin"))
    assert "8</span> clients" in browser.get("/advisor/").content.decode()
