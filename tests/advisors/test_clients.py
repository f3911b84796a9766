"""The client list (filters, sort, pages, CSV), a client's page, details and history."""

import csv
import io

import pytest

from advising.models import Assessment, Client

from .conftest import add_client, new_hire, nurse


@pytest.fixture
def caseload(advisor):
    org = advisor.organisation
    return {
        "ready": add_client(org, advisor, "Rita Ready", nurse(), external_id="R-1"),
        "later": add_client(org, advisor, "Lou Later", new_hire("2026-03-01")),
        "new": add_client(org, advisor, "Una Unassessed"),
    }


def names(response) -> list[str]:
    return [row["client"].name for row in response.context["rows"]]


def test_list_shows_every_client_with_a_chip_per_certification(login, advisor, caseload):
    response = login(advisor).get("/advisor/clients/")
    assert names(response) == ["Lou Later", "Rita Ready", "Una Unassessed"]
    rita = response.context["rows"][1]
    chips = {chip["code"]: chip["bucket"] for chip in rita["chips"]}
    assert chips["ccm"] == "now" and chips["acm"] == "now"
    assert "CCM" in response.content.decode()


def test_filter_by_certification_and_status(login, advisor, caseload):
    browser = login(advisor)
    response = browser.get("/advisor/clients/?certification=ccm&status=now")
    assert names(response) == ["Rita Ready"]
    # Lou reaches CCM on 27 February 2027: within six months of today (25 November 2026)
    # only if the projection says so; the unassessed client matches "not assessed".
    response = browser.get("/advisor/clients/?status=unassessed")
    assert names(response) == ["Una Unassessed"]
    response = browser.get("/advisor/clients/?certification=ccm&status=now&status=6m&sort=soonest")
    assert names(response)[0] == "Rita Ready"


def test_search_by_name_or_external_id(login, advisor, caseload):
    browser = login(advisor)
    assert names(browser.get("/advisor/clients/?q=lou")) == ["Lou Later"]
    assert names(browser.get("/advisor/clients/?q=r-1")) == ["Rita Ready"]


def test_a_full_name_finds_the_client_in_either_order_and_any_case(
    login, advisor, django_assert_max_num_queries
):
    org = advisor.organisation
    add_client(org, advisor, "Vicki Townsend", nurse(), external_id="VT-7")
    add_client(org, advisor, "Vicki Moss", nurse())
    add_client(org, advisor, "Tom Townsend", new_hire())
    browser = login(advisor)
    for words in ("Townsend Vicki", "vicki townsend", "  TOWNSEND,  vicki "):
        with django_assert_max_num_queries(10):
            response = browser.get("/advisor/clients/", {"q": words})
        assert names(response) == ["Vicki Townsend"], words
    assert names(browser.get("/advisor/clients/", {"q": "townsend"})) == [
        "Tom Townsend",
        "Vicki Townsend",
    ]
    assert names(browser.get("/advisor/clients/", {"q": "vt-7"})) == ["Vicki Townsend"]
    assert names(browser.get("/advisor/clients/", {"q": "Vicki Smith"})) == []


def test_a_search_by_full_name_exports_the_same_clients(login, advisor):
    add_client(advisor.organisation, advisor, "Vicki Townsend", nurse())
    add_client(advisor.organisation, advisor, "Tom Townsend", nurse())
    response = login(advisor).get("/advisor/clients/export.csv", {"q": "townsend vicki"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["Vicki Townsend"]


def test_a_bad_filter_is_named_and_ignored(login, advisor, caseload):
    response = login(advisor).get("/advisor/clients/?certification=nope")
    assert response.status_code == 200
    assert any("Certification" in message for _, message in response.context["errors"])
    assert len(names(response)) == 3


def test_list_pages_by_fifty_with_a_fixed_number_of_queries(
    login, advisor, django_assert_max_num_queries
):
    org = advisor.organisation
    for i in range(55):
        add_client(org, advisor, f"Client {i:02}", nurse() if i % 3 else None)
    browser = login(advisor)
    with django_assert_max_num_queries(10):
        first = browser.get("/advisor/clients/?sort=name")
    assert len(first.context["rows"]) == 50
    with django_assert_max_num_queries(10):
        second = browser.get("/advisor/clients/?sort=name&page=2")
    assert names(second) == [f"Client {i}" for i in range(50, 55)]
    with django_assert_max_num_queries(10):
        browser.get("/advisor/clients/?certification=ccm&status=now&sort=soonest")


def test_csv_export_holds_exactly_the_filtered_list(login, advisor, caseload):
    response = login(advisor).get("/advisor/clients/export.csv?certification=ccm&status=now")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["name"] for row in rows] == ["Rita Ready"]
    assert rows[0]["ccm_status"] == "eligible now"
    assert rows[0]["external_id"] == "R-1"


def test_csv_cells_cannot_run_as_formulas(login, advisor):
    add_client(advisor.organisation, advisor, '=HYPERLINK("http://x")')
    response = login(advisor).get("/advisor/clients/export.csv")
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_add_a_client_and_edit_their_notes(login, advisor):
    browser = login(advisor)
    response = browser.post(
        "/advisor/clients/new/",
        {"name": "Nia Newcomer", "email": "nia@example.org", "external_id": "N-7",
         "advisor": advisor.pk, "notes": ""},
    )  # fmt: skip
    client = Client.objects.get(name="Nia Newcomer")
    assert response.status_code == 302 and response["Location"] == f"/advisor/clients/{client.pk}/"
    assert client.organisation == advisor.organisation and client.advisor == advisor
    browser.post(
        f"/advisor/clients/{client.pk}/edit/",
        {"name": "Nia Newcomer", "email": "", "external_id": "N-7", "advisor": advisor.pk,
         "notes": "Wants to move into utilisation review."},
    )  # fmt: skip
    page = browser.get(f"/advisor/clients/{client.pk}/").content.decode()
    assert "Wants to move into utilisation review." in page


def test_missing_name_and_taken_external_id_are_named(login, advisor, caseload):
    response = login(advisor).post(
        "/advisor/clients/new/", {"name": "", "external_id": "R-1", "advisor": advisor.pk}
    )
    assert response.status_code == 200
    messages = [message for _, message in response.context["errors"]]
    assert "Name is required" in messages
    assert any("External id is already used" in m for m in messages)
    assert Client.objects.count() == 3


def test_client_page_shows_the_plan_and_what_changed_between_assessments(login, advisor, caseload):
    from advising.summaries import record_assessment
    from eligibility.catalog import get_snapshot

    lou = caseload["later"]
    profile = new_hire("2026-03-01")
    profile["education"] = [
        {"topic": "nursing-case-management", "hours": 30, "completed": "2026-06-01"}
    ]
    record_assessment(lou, profile, get_snapshot(), source="advisor", user=advisor.user)
    page = login(advisor).get(f"/advisor/clients/{lou.pk}/").content.decode()
    assert "Certified Case Manager" in page  # the results component
    assert "Added course: 30 h of" in page
    assert "Removed course: 12 h of" in page
    assert Assessment.objects.filter(client=lou).count() == 2


def test_delete_a_client_removes_their_assessments(login, advisor, caseload):
    rita = caseload["ready"]
    browser = login(advisor)
    assert browser.get(f"/advisor/clients/{rita.pk}/delete/").status_code == 200
    response = browser.post(f"/advisor/clients/{rita.pk}/delete/")
    assert response.status_code == 302
    assert not Client.objects.filter(pk=rita.pk).exists()
    assert not Assessment.objects.filter(client_id=rita.pk).exists()


def test_every_advisor_page_words_a_standing_the_same_way(login, advisor):
    from advising.summaries import standing
    from eligibility.catalog import get_snapshot

    assert standing("eligible", None) == "eligible"
    assert standing("eligible_later", "2027-03-03") == "eligible on 3 Mar 2027"
    assert standing("not_eligible", None) == "not yet eligible"
    assert standing("", None) == standing(None, None) == "not assessed"
    client = add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    row = client.readiness.get(certification="ccm")
    words = standing(row.status, row.eligible_on)
    assert words.startswith("eligible on ")
    name = next(c.name for c in get_snapshot().certifications if c.code == "ccm")
    page = login(advisor).get("/advisor/clients/").content.decode()
    assert f"{name}</span>: {words}</li>" in page
