"""Who sees which client: a plain advisor their own, an organisation admin the organisation's,
nobody another organisation's. Everything outside answers 404 (never 403), on every path."""

import re

import pytest
from django.utils import timezone

from advising.models import (
    Assessment,
    Client,
    Invitation,
    Recomputation,
    StatusChange,
)
from tests.factories import UserFactory

from .conftest import add_client, new_hire, nurse

EDIT = {"name": "Renamed", "email": "", "external_id": "", "notes": ""}

# (method, path under the client, data) for every page that names one client.
CLIENT_PATHS = [
    ("get", "", None),
    ("get", "edit/", None),
    ("post", "edit/", EDIT),
    ("get", "delete/", None),
    ("post", "delete/", {}),
    ("post", "invite/", {}),
    ("get", "assessment/", None),
    ("get", "assessment/licences/", None),
    ("get", "assessment/about/", None),
    ("post", "assessment/licences/", {"licences-entries-TOTAL_FORMS": "0"}),
]
CLIENT_IDS = [f"{method} {path or 'page'}" for method, path, _ in CLIENT_PATHS]

# Every /advisor/ page that names no client.
LIST_PATHS = ["/advisor/", "/advisor/clients/", "/advisor/clients/export.csv",
              "/advisor/clients/new/"]  # fmt: skip


def url(client: Client, path: str) -> str:
    return f"/advisor/clients/{client.pk}/{path}"


def request(browser, method: str, path: str, data):
    if method == "post":
        return browser.post(path, data or {})
    return browser.get(path)


@pytest.fixture
def clients(advisor, colleague, stranger):
    """One assessed client each for the advisor, their colleague and the other organisation."""
    return {
        "own": add_client(advisor.organisation, advisor, "Own Olive", nurse()),
        "colleague": add_client(colleague.organisation, colleague, "Colleague Carl", new_hire()),
        "unassigned": add_client(advisor.organisation, None, "Unassigned Uma", nurse()),
        "other_org": add_client(stranger.organisation, stranger, "Stranger Stella", nurse()),
    }


def assert_untouched(client: Client) -> None:
    """A refused request changed nothing about `client`."""
    fresh = Client.objects.get(pk=client.pk)  # raises if it was deleted
    assert fresh.name == client.name
    assert fresh.assessment_id == client.assessment_id
    assert not Invitation.objects.filter(client=client).exists()
    assert Assessment.objects.filter(client=client).count() == 1


def csv_text(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


# --- one client's pages ---------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path", "data"), CLIENT_PATHS, ids=CLIENT_IDS)
@pytest.mark.parametrize("whose", ["colleague", "unassigned", "other_org"])
def test_a_plain_advisor_gets_404_for_a_client_not_assigned_to_them(
    login, advisor, clients, whose, method, path, data
):
    target = clients[whose]
    response = request(login(advisor), method, url(target, path), data)
    assert response.status_code == 404
    assert target.name.encode() not in response.content
    assert_untouched(target)


@pytest.mark.parametrize(("method", "path", "data"), CLIENT_PATHS, ids=CLIENT_IDS)
def test_an_org_admin_gets_404_for_another_organisations_client(
    login, org_admin, clients, method, path, data
):
    target = clients["other_org"]
    response = request(login(org_admin), method, url(target, path), data)
    assert response.status_code == 404
    assert target.name.encode() not in response.content
    assert_untouched(target)


@pytest.mark.parametrize(("method", "path", "data"), CLIENT_PATHS, ids=CLIENT_IDS)
def test_an_advisor_of_the_other_organisation_gets_404_for_this_ones_clients(
    login, stranger, clients, method, path, data
):
    target = clients["own"]
    response = request(login(stranger), method, url(target, path), data)
    assert response.status_code == 404
    assert_untouched(target)


@pytest.mark.parametrize("whose", ["own", "colleague", "unassigned"])
def test_an_org_admin_reaches_every_client_of_the_organisation(login, org_admin, clients, whose):
    target = clients[whose]
    browser = login(org_admin)
    for path in ("", "edit/", "delete/", "assessment/licences/"):
        response = browser.get(url(target, path))
        assert response.status_code == 200, path
        assert target.name in response.content.decode(), path
    response = browser.get(url(target, "assessment/"))
    assert response.status_code == 302
    assert response["Location"] == url(target, "assessment/licences/")
    response = browser.post(url(target, "invite/"))
    assert response.status_code == 200 and response.context["link"]
    assert Invitation.objects.filter(client=target).count() == 1


def test_an_org_admin_can_delete_a_colleagues_client(login, org_admin, clients):
    target = clients["colleague"]
    response = login(org_admin).post(url(target, "delete/"))
    assert response.status_code == 302 and response["Location"] == "/advisor/clients/"
    assert not Client.objects.filter(pk=target.pk).exists()


def test_an_advisor_reaches_their_own_client(login, advisor, clients):
    target = clients["own"]
    browser = login(advisor)
    for path in ("", "edit/", "delete/", "assessment/licences/"):
        assert browser.get(url(target, path)).status_code == 200, path
    assert browser.post(url(target, "invite/")).status_code == 200


def test_a_client_id_that_does_not_exist_is_the_same_404(login, advisor, clients):
    missing = max(c.pk for c in clients.values()) + 100
    browser = login(advisor)
    hidden = browser.get(f"/advisor/clients/{clients['other_org'].pk}/")
    absent = browser.get(f"/advisor/clients/{missing}/")
    assert hidden.status_code == absent.status_code == 404
    # Nothing tells an existing id from a missing one (the log-out form's CSRF token is masked
    # afresh on every page, so it is left out of the comparison).
    assert without_tokens(hidden.content) == without_tokens(absent.content)


def without_tokens(page: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", page)


# --- lists, export and counts ---------------------------------------------------------------


def test_the_client_list_shows_only_the_advisors_own_clients(login, advisor, clients):
    response = login(advisor).get("/advisor/clients/")
    page = response.content.decode()
    assert "Own Olive" in page
    for hidden in ("Colleague Carl", "Unassigned Uma", "Stranger Stella"):
        assert hidden not in page
    assert [row["client"].name for row in response.context["rows"]] == ["Own Olive"]


def test_the_client_list_of_an_org_admin_has_the_organisation_but_not_the_other(
    login, org_admin, clients
):
    response = login(org_admin).get("/advisor/clients/")
    page = response.content.decode()
    for shown in ("Own Olive", "Colleague Carl", "Unassigned Uma"):
        assert shown in page
    assert "Stranger Stella" not in page


def test_searching_for_a_hidden_clients_name_finds_nothing(login, advisor, org_admin, clients):
    for who, target in ((advisor, clients["colleague"]), (org_admin, clients["other_org"])):
        response = login(who).get("/advisor/clients/", {"q": target.name})
        assert response.context["rows"] == []
        assert url(target, "") not in response.content.decode()  # the box echoes the query


def test_an_admin_cannot_filter_the_list_by_another_organisations_advisor(
    login, org_admin, stranger, clients
):
    response = login(org_admin).get("/advisor/clients/", {"advisor": stranger.pk})
    assert "Stranger Stella" not in response.content.decode()
    assert any(target == "id_advisor" for target, _ in response.context["errors"])


def test_the_csv_export_of_a_plain_advisor_has_only_their_clients(login, advisor, clients):
    text = csv_text(login(advisor).get("/advisor/clients/export.csv"))
    assert "Own Olive" in text
    for hidden in ("Colleague Carl", "Unassigned Uma", "Stranger Stella"):
        assert hidden not in text
    assert len(text.strip().splitlines()) == 2  # the header and one client


def test_the_csv_export_of_an_org_admin_has_the_organisation_but_not_the_other(
    login, org_admin, clients
):
    text = csv_text(login(org_admin).get("/advisor/clients/export.csv"))
    for shown in ("Own Olive", "Colleague Carl", "Unassigned Uma"):
        assert shown in text
    assert "Stranger Stella" not in text
    assert len(text.strip().splitlines()) == 4


@pytest.mark.parametrize("query", [{"q": "Stranger Stella"}, {"advisor": "STRANGER"}])
def test_filters_do_not_open_the_export_to_other_clients(login, advisor, stranger, clients, query):
    if query.get("advisor") == "STRANGER":
        query = {"advisor": stranger.pk}
    text = csv_text(login(advisor).get("/advisor/clients/export.csv", query))
    assert "Stranger Stella" not in text
    assert "Colleague Carl" not in text


def test_dashboard_counts_only_the_advisors_own_clients(login, advisor, clients):
    response = login(advisor).get("/advisor/")
    totals = response.context["totals"]
    assert totals["clients"] == 1 and totals["unassessed"] == 0
    certs = {c["code"]: c for c in response.context["certifications"]}
    assert certs["ccm"]["assessed"] == 1
    assert sum(b["count"] for b in certs["ccm"]["buckets"]) == 1


def test_dashboard_of_an_org_admin_counts_the_organisation_but_not_the_other(
    login, org_admin, clients
):
    response = login(org_admin).get("/advisor/")
    totals = response.context["totals"]
    assert totals["clients"] == 3  # own, colleague's and unassigned; not the other org's
    certs = {c["code"]: c for c in response.context["certifications"]}
    assert certs["ccm"]["assessed"] == 3
    counts = {b["code"]: b["count"] for b in certs["ccm"]["buckets"]}
    assert counts["now"] == 2  # the two nurses; the colleague's new hire is later


def test_the_dashboard_of_the_other_organisation_counts_only_its_own(login, stranger, clients):
    response = login(stranger).get("/advisor/")
    assert response.context["totals"]["clients"] == 1


def flip(client: Client, recomputation: Recomputation) -> StatusChange:
    return StatusChange.objects.create(
        recomputation=recomputation, client=client, certification="ccm",
        before_status="eligible", after_status="not_eligible", cause="A rule changed.",
    )  # fmt: skip


def test_rule_change_history_on_the_dashboard_shows_only_visible_clients(
    login, advisor, org_admin, clients
):
    recomputation = Recomputation.objects.create(
        started=timezone.now(), finished=timezone.now(), catalog_version="v2", trigger="test"
    )
    for target in clients.values():
        flip(target, recomputation)

    mine = login(advisor).get("/advisor/")
    assert [f.client.name for f in mine.context["flips"]] == ["Own Olive"]
    page = mine.content.decode()
    assert "Colleague Carl" not in page and "Stranger Stella" not in page

    admin = login(org_admin).get("/advisor/")
    names = {f.client.name for f in admin.context["flips"]}
    assert names == {"Own Olive", "Colleague Carl", "Unassigned Uma"}
    assert "Stranger Stella" not in admin.content.decode()


def test_the_assessment_history_stays_with_its_client(login, advisor, colleague, clients):
    """A client's page lists that client's assessments only, never a colleague's."""
    page = login(advisor).get(url(clients["own"], "")).content.decode()
    assert page.count("entered by an advisor") == 2  # "Last assessed" and one history entry
    assert "Colleague Carl" not in page


# --- who may use /advisor/ at all -----------------------------------------------------------


def all_advisor_paths(target: Client) -> list[tuple[str, str, dict | None]]:
    return [("get", path, None) for path in LIST_PATHS] + [
        ("post", "/advisor/clients/new/", {"name": "Sneaky"}),
    ] + [(method, url(target, path), data) for method, path, data in CLIENT_PATHS]  # fmt: skip


def test_anonymous_visitors_are_sent_to_log_in_from_every_advisor_path(client, clients):
    target = clients["own"]
    for method, path, data in all_advisor_paths(target):
        response = request(client, method, path, data)
        assert response.status_code == 302, (method, path)
        assert response["Location"].startswith("/accounts/login/?next="), (method, path)
    assert_untouched(target)
    assert not Client.objects.filter(name="Sneaky").exists()


def test_a_user_without_a_membership_is_refused_with_403(client, clients):
    client.force_login(UserFactory(username="outsider"))
    target = clients["own"]
    for method, path, data in all_advisor_paths(target):
        response = request(client, method, path, data)
        assert response.status_code == 403, (method, path)
        assert b"Own Olive" not in response.content
    assert_untouched(target)
    assert not Client.objects.filter(name="Sneaky").exists()


# --- assigning clients ----------------------------------------------------------------------


def client_form(**changes) -> dict:
    return {"name": "New Nia", "email": "", "external_id": "", "notes": "", **changes}


def test_a_plain_advisor_cannot_create_a_client_for_a_colleague(login, advisor, colleague):
    response = login(advisor).post("/advisor/clients/new/", client_form(advisor=colleague.pk))
    assert response.status_code == 200
    assert "advisor" in response.context["form"].errors
    targets = [target for target, _ in response.context["errors"]]
    assert targets == ["id_advisor"]
    assert 'href="#id_advisor"' in response.content.decode()
    assert not Client.objects.filter(name="New Nia").exists()


def test_a_plain_advisor_cannot_hand_their_client_to_a_colleague(
    login, advisor, colleague, clients
):
    target = clients["own"]
    response = login(advisor).post(
        url(target, "edit/"), client_form(name=target.name, advisor=colleague.pk)
    )
    assert response.status_code == 200
    assert "advisor" in response.context["form"].errors
    assert Client.objects.get(pk=target.pk).advisor_id == advisor.pk


def test_a_plain_advisor_is_offered_only_themselves(login, advisor, colleague):
    form = login(advisor).get("/advisor/clients/new/").context["form"]
    assert list(form.fields["advisor"].queryset) == [advisor]


def test_a_plain_advisors_new_client_is_theirs(login, advisor):
    response = login(advisor).post("/advisor/clients/new/", client_form(advisor=advisor.pk))
    assert response.status_code == 302
    created = Client.objects.get(name="New Nia")
    assert created.advisor == advisor and created.organisation == advisor.organisation


def test_a_plain_advisors_new_client_cannot_be_left_unassigned(login, advisor):
    # Unassigned, the client would vanish from its creator's own list.
    response = login(advisor).post("/advisor/clients/new/", client_form())
    assert response.status_code == 200
    assert "Advisor is required" in response.context["form"].errors["advisor"]
    assert not Client.objects.filter(name="New Nia").exists()


def test_an_org_admin_assigns_within_the_organisation_only(login, org_admin, colleague, stranger):
    browser = login(org_admin)
    refused = browser.post("/advisor/clients/new/", client_form(advisor=stranger.pk))
    assert refused.status_code == 200 and "advisor" in refused.context["form"].errors
    assert not Client.objects.filter(name="New Nia").exists()
    saved = browser.post("/advisor/clients/new/", client_form(advisor=colleague.pk))
    assert saved.status_code == 302
    created = Client.objects.get(name="New Nia")
    assert created.advisor == colleague and created.organisation == org_admin.organisation


def test_a_new_client_always_belongs_to_the_creators_organisation(login, advisor, other_org):
    login(advisor).post(
        "/advisor/clients/new/", client_form(advisor=advisor.pk, organisation=other_org.pk)
    )
    assert Client.objects.get(name="New Nia").organisation == advisor.organisation
