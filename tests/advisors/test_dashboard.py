import re

import pytest

from advising.summaries import record_assessment
from eligibility.catalog import get_snapshot
from tests.htmlforms import form_fields, single

from .conftest import add_client, new_hire, nurse


def test_dashboard_counts_clients_per_certification_and_bucket(login, advisor):
    add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    add_client(advisor.organisation, advisor, "Later Lou", new_hire())
    add_client(advisor.organisation, advisor, "Unassessed Una")
    response = login(advisor).get("/advisor/")
    assert response.status_code == 200
    certs = {c["code"]: c for c in response.context["certifications"]}
    counts = {b["code"]: b["count"] for b in certs["ccm"]["buckets"]}
    assert counts["now"] == 1
    assert response.context["totals"]["clients"] == 3
    assert response.context["totals"]["unassessed"] == 1
    assert b"Unassessed" not in response.content  # names are not on the dashboard


@pytest.mark.parametrize("clients", [2, 30])
def test_dashboard_runs_a_fixed_number_of_queries(
    login, advisor, clients, django_assert_max_num_queries
):
    for i in range(clients):
        add_client(advisor.organisation, advisor, f"Client {i}", nurse() if i % 2 else new_hire())
    browser = login(advisor)
    with django_assert_max_num_queries(10):
        response = browser.get("/advisor/")
    assert response.status_code == 200


def test_dashboard_needs_login(client):
    response = client.get("/advisor/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def chart_text(page: str) -> str:
    """The words of the dashboard's chart, as a person reads them (lines of a label joined)."""
    svg = re.search(r"<svg class=\"chart\".*?</svg>", page, re.S).group(0)
    svg = re.sub(r"<title>.*?</title>", " ", svg, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", svg).split())


def test_the_chart_names_every_certification_in_full(login, advisor):
    add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    page = login(advisor).get("/advisor/").content.decode()
    words = chart_text(page)
    for cert in get_snapshot().certifications:
        assert cert.name in words  # "Case Management Administrator Certification (CMAC)"
    assert "…" not in words and "..." not in words


def test_a_second_visit_to_the_dashboard_does_not_count_the_clients_again(
    login, advisor, django_assert_max_num_queries
):
    for i in range(5):
        add_client(advisor.organisation, advisor, f"Client {i}", nurse())
    browser = login(advisor)
    first = browser.get("/advisor/")
    # The session, the user, the member and the catalog revision check; counting the
    # readiness rows and reading the recent changes would take four more.
    with django_assert_max_num_queries(4):
        second = browser.get("/advisor/")
    assert second.context["certifications"] == first.context["certifications"]
    assert second.context["totals"] == first.context["totals"]


def test_a_client_added_on_the_page_is_counted_on_the_next_visit_to_the_dashboard(login, advisor):
    add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    browser = login(advisor)
    assert browser.get("/advisor/").context["totals"]["clients"] == 1
    page = browser.get("/advisor/clients/new/").content.decode()
    fields = single(form_fields(page))
    fields["name"] = "New Nina"
    assert browser.post("/advisor/clients/new/", fields).status_code == 302
    totals = browser.get("/advisor/").context["totals"]
    assert (totals["clients"], totals["unassessed"]) == (2, 1)


def test_an_assessment_saved_for_a_client_moves_the_dashboards_counts_at_once(login, advisor):
    una = add_client(advisor.organisation, advisor, "Una")
    browser = login(advisor)
    before = {c["code"]: c for c in browser.get("/advisor/").context["certifications"]}
    record_assessment(una, nurse(), get_snapshot(), source="advisor")
    after = {c["code"]: c for c in browser.get("/advisor/").context["certifications"]}
    assert after["ccm"]["assessed"] == before["ccm"]["assessed"] + 1
    assert browser.get("/advisor/").context["totals"]["unassessed"] == 0


def test_a_deleted_client_leaves_the_dashboards_counts_at_once(login, advisor):
    rita = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    browser = login(advisor)
    assert browser.get("/advisor/").context["totals"]["clients"] == 1
    assert browser.post(f"/advisor/clients/{rita.pk}/delete/").status_code == 302
    assert browser.get("/advisor/").context["totals"]["clients"] == 0
