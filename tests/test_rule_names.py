"""A route's name must not contradict its numbers (issue 13, item 11).

An editor changes CCM's 2,080 supervised hours to 1,500 and leaves the route named "12 months
under a CCM-certified supervisor": the preview and the save both say so, naming the route and
suggesting a name that matches; the certification page keeps saying it until it is renamed.
"""

import pytest
from django.contrib.auth.models import Group

from eligibility.catalog import get_snapshot
from eligibility.preview import name_mismatches
from tests.conftest import SPEC_EXAMPLE
from tests.factories import UserFactory
from tests.htmlforms import single
from tests.test_certification_revert import text_of
from tests.test_editor_admin import change_url, the_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

HOURS = "groups-1-options-0-conditions-0-p_hours"
NAME = "groups-1-options-0-name"
WARNING = (
    "Case management work: the route “12 months under a CCM-certified supervisor” says "
    "12 months (2,080 hours), but its rule needs 1,500 hours"
)


@pytest.fixture
def editor():
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    return user


def post_ccm(client, extra=None, **changes):
    fields = the_form(client, "ccm")
    for name, value in changes.items():
        fields[name] = [value]
    return client.post(change_url("ccm"), {**single(fields), **(extra or {})}, follow=True)


@pytest.mark.slow
def test_the_preview_flags_a_route_whose_name_says_other_hours(client, editor):
    client.force_login(editor)
    response = post_ccm(client, {"_preview": "1"}, **{HOURS: "1500"})
    page = text_of(response.content.decode())
    assert WARNING in page
    assert "“1,500 hours under a CCM-certified supervisor”" in page  # a name that matches


@pytest.mark.slow
def test_saving_a_contradicting_name_warns_and_the_page_keeps_saying_it(client, editor):
    client.force_login(editor)
    response = post_ccm(client, **{HOURS: "1500"})
    assert response.redirect_chain  # saved
    assert WARNING in text_of(response.content.decode())  # the message after saving
    page = text_of(client.get(change_url("ccm")).content.decode())
    assert WARNING in page  # on the certification page, until renamed


@pytest.mark.slow
def test_a_route_renamed_to_match_is_not_flagged(client, editor):
    client.force_login(editor)
    response = post_ccm(
        client, **{HOURS: "1500", NAME: "1,500 hours under a CCM-certified supervisor"}
    )
    assert "says 12 months" not in text_of(response.content.decode())
    assert "but its rule needs" not in text_of(client.get(change_url("ccm")).content.decode())


@pytest.mark.slow
def test_nine_months_full_time_is_a_name_that_matches_1560_hours(client, editor):
    client.force_login(editor)
    post_ccm(client, **{HOURS: "1560", NAME: "9 months under a CCM-certified supervisor"})
    assert name_mismatches(get_snapshot().certification("ccm")) == []


def test_the_seeded_catalog_has_no_name_that_contradicts_its_numbers(catalog):
    problems = {
        cert.code: [p.message for p in name_mismatches(cert)] for cert in catalog.certifications
    }
    assert problems == {cert.code: [] for cert in catalog.certifications}


@pytest.mark.slow
def test_references_and_look_back_years_are_checked_too(client, editor):
    client.force_login(editor)
    fields = the_form(client, "ccm")
    fields["groups-2-options-1-conditions-0-p_count"] = ["2"]  # "Three references …"
    response = client.post(change_url("ccm"), {**single(fields), "_preview": "1"})
    page = text_of(response.content.decode())
    assert (
        "the route “Three references: companies or firms that buy your services” says 3 references"
        in page
    )
    assert "needs 2 references" in page


@pytest.mark.slow
def test_after_the_edit_nine_months_meets_1500_hours_and_eight_do_not(client, editor, assess):
    """What the engine does after the edit, and what its words say: nine months full time
    (1,560 hours) meets a 1,500-hour rule; eight months (about 1,387 hours) does not."""
    client.force_login(editor)
    post_ccm(client, **{HOURS: "1500"})
    client.logout()

    def route(months_start: str) -> dict:
        profile = {
            **SPEC_EXAMPLE,
            "licenses": [{"type": "rn"}],
            "experience": [{**SPEC_EXAMPLE["experience"][0], "start": months_start, "end": None}],
        }
        response = client.post("/api/assess", profile, content_type="application/json")
        ccm = next(r for r in response.json()["results"] if r["certification"] == "ccm")
        return ccm["groups"][1]["options"][0]

    nine = route("2026-02-24")  # 273 days to 23 Nov 2026: 1,560 hours
    assert nine["met"] is True
    (rule,) = nine["conditions"]
    assert rule["need"] == 1500 and rule["have"] >= 1500
    assert "1,500 hours (about 9 months full time)" in rule["text"]  # the rule's own words
    eight = route("2026-03-26")  # 243 days: 1,389 hours
    assert eight["met"] is False


@pytest.mark.parametrize(
    ("name", "params", "flagged"),
    [
        ("2,000 hours in the last 3 years", {"hours": 2000, "within_years": 3}, False),
        ("2,000 hours in the last 5 years", {"hours": 2000, "within_years": 3}, True),
        ("2 years of full-time practice as an RN", {"hours": 4160}, False),
        ("2 years of full-time practice as an RN", {"hours": 2080}, True),
        ("One year in a 4-year programme's clinic", {"hours": 2080}, False),
        ("Case management work", {"hours": 1}, False),
    ],
)  # fmt: skip
def test_names_are_read_for_hours_months_years_and_look_back(name, params, flagged):
    from types import SimpleNamespace

    condition = SimpleNamespace(kind="experience", params=params)
    route = SimpleNamespace(name=name, conditions=(condition,))
    cert = SimpleNamespace(groups=(SimpleNamespace(name="Work", options=(route,)),))
    assert bool(name_mismatches(cert)) is flagged
