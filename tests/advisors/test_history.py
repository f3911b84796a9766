"""A client's history of assessments: what changed from one assessment to the next, in words.

The advisor's update form reads hours as decimals (40.0) where the first assessment may hold
whole numbers (40), and an entry may spell out a default the other leaves out: neither is a
change the advisor made, so neither may show as an entry removed and added again.
"""

import copy

from advising.history import compare
from advising.summaries import record_assessment
from eligibility.catalog import get_snapshot

from .conftest import add_client, nurse


def history_of(browser, client) -> list[str]:
    """The client page's history, one text per assessment, newest first (the first
    assessment has nothing to compare with)."""
    response = browser.get(f"/advisor/clients/{client.pk}/")
    return ["; ".join(getattr(item, "changes", [])) for item in response.context["history"]]


def resaved(client, profile, user) -> None:
    record_assessment(client, profile, get_snapshot(), source="advisor", user=user)


def test_an_assessment_saved_again_with_40_0_hours_instead_of_40_shows_no_change(login, advisor):
    maria = add_client(advisor.organisation, advisor, profile=nurse())
    again = nurse(as_of="2026-11-24")  # assessed again a day later (the same day records nothing)
    again["experience"][0]["hours_per_week"] = 40.0
    again["education"][0]["hours"] = 12.0
    resaved(maria, again, advisor.user)

    page = login(advisor).get(f"/advisor/clients/{maria.pk}/").content.decode()
    assert "Removed" not in page and "Added" not in page
    assert "No change from the one before." in page


def test_an_entry_that_spells_out_its_defaults_is_the_same_entry():
    snapshot = get_snapshot()
    short = nurse()
    spelled = copy.deepcopy(short)
    del short["experience"][0]["paid"]  # true when left out
    del short["licenses"][0]["expires"]  # no expiry when left out
    spelled["experience"][0]["supervisor_credentials"] = ["ccm"]
    summary = {}
    assert (
        compare(
            {"profile": short, "summary": summary},
            {"profile": spelled, "summary": summary},
            snapshot,
        )
        == []
    )


def test_a_changed_field_is_shown_as_a_change_of_that_entry(login, advisor):
    maria = add_client(advisor.organisation, advisor, profile=nurse())
    fewer = nurse()
    fewer["experience"][0]["hours_per_week"] = 32.0
    resaved(maria, fewer, advisor.user)

    newest = history_of(login(advisor), maria)[0]
    assert "Changed job: Nurse case manager" in newest
    assert "hours a week 40 → 32" in newest
    assert "Removed job" not in newest and "Added job" not in newest


def test_hours_in_the_history_are_whole_numbers_when_they_are_whole(login, advisor):
    maria = add_client(advisor.organisation, advisor, profile=nurse())
    more = nurse()
    more["education"].append(
        {"topic": "nursing-case-management", "hours": 10.0, "completed": "2026-06-01"}
    )
    resaved(maria, more, advisor.user)

    newest = history_of(login(advisor), maria)[0]
    assert "Added course: 10 h of" in newest
    assert "10.0" not in newest


def test_a_licence_ticked_inactive_says_so_in_words(login, advisor):
    maria = add_client(advisor.organisation, advisor, profile=nurse())
    lapsed = nurse()
    lapsed["licenses"][0]["active"] = False
    resaved(maria, lapsed, advisor.user)

    newest = history_of(login(advisor), maria)[0]
    assert "Changed licence: Registered nurse" in newest
    assert "active yes → no" in newest
