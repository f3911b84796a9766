import re

import pytest

from eligibility.catalog import get_snapshot

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
