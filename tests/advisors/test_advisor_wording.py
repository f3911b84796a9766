"""What an advisor reads on the client list and the dashboard: clients in the order of a list
of people, "Eligible now" for someone who can sit already, and plain words for how fresh the
figures are."""

import re

from advising.models import Assessment
from tests.test_explanations import words

from .conftest import add_client, new_hire, nurse


def names(response) -> list[str]:
    return [row["client"].name for row in response.context["rows"]]


def test_the_client_list_sorts_by_last_name_then_first_name(login, advisor):
    org = advisor.organisation
    for name in ("Ana Zimmer", "zoe adams", "Bob Adams", "Carla Garcia Lopez", "Cher"):
        add_client(org, advisor, name)
    browser = login(advisor)
    expected = ["Bob Adams", "zoe adams", "Cher", "Carla Garcia Lopez", "Ana Zimmer"]
    assert names(browser.get("/advisor/clients/")) == expected
    assert names(browser.get("/advisor/clients/?sort=name")) == expected
    assert names(browser.get("/advisor/clients/?sort=-name")) == expected[::-1]


def test_clients_reaching_a_certification_the_same_day_are_sorted_by_last_name(login, advisor):
    org = advisor.organisation
    for name in ("Ana Zimmer", "Bob Adams"):
        add_client(org, advisor, name, nurse())
    response = login(advisor).get("/advisor/clients/?certification=ccm&sort=soonest")
    assert names(response) == ["Bob Adams", "Ana Zimmer"]


def soonest_cells(response) -> dict[str, str]:
    """Each client's "Soonest eligible" cell, as read."""
    page = response.content.decode()
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    cells = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        columns = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        cells[words(columns[0])] = words(columns[-3])
    return cells


def test_soonest_eligible_says_eligible_now_for_a_client_who_can_sit_already(login, advisor):
    org = advisor.organisation
    add_client(org, advisor, "Rita Ready", nurse())
    lou = add_client(org, advisor, "Lou Later", new_hire("2026-03-01"))
    add_client(org, advisor, "Una Unassessed")
    cells = soonest_cells(login(advisor).get("/advisor/clients/"))
    assert cells["Rita Ready"] == "Eligible now"  # not the day she was assessed
    assert cells["Lou Later"] == f"{lou.soonest_on.day} {lou.soonest_on:%b %Y}"
    assert cells["Una Unassessed"] == "—"


def test_the_dashboard_says_plainly_when_the_figures_were_worked_out(login, advisor):
    add_client(advisor.organisation, advisor, "Rita Ready", nurse())
    page = words(login(advisor).get("/advisor/").content.decode())
    assert "Summaries computed since" not in page
    assert "These figures come from each client's latest assessment." in page
    assert re.search(
        r"The oldest results were worked out on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d, all "
        r"with the current rules\.",
        page,
    )


def test_the_dashboard_says_how_many_clients_results_use_earlier_rules(login, advisor):
    for name in ("Rita Ready", "Ruth Ready"):
        add_client(advisor.organisation, advisor, name, nurse())
    Assessment.objects.filter(client__name="Rita Ready").update(catalog_version="older")
    page = words(login(advisor).get("/advisor/").content.decode())
    assert (
        "1 client's results still use the rules as they were before the latest change and are "
        "being updated now." in page
    )


def test_the_client_page_says_whom_the_results_speak_to(login, advisor):
    rita = add_client(advisor.organisation, advisor, "Rita Ready", nurse())
    page = words(login(advisor).get(f"/advisor/clients/{rita.pk}/").content.decode())
    assert "Written to Rita Ready, as they would read it: “you” below means Rita Ready." in page
