"""A standing changed by a rule change says which certification and which rule, in words."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from advising.models import StatusChange
from advising.recompute import rule_changes
from tests.factories import UserFactory
from tests.htmlforms import single
from tests.test_editor_admin import change_url, key_with_value, the_form

from .conftest import add_client, nurse

ACM_ROUTE = "1 year of paid, supervised case management in health care"


@pytest.fixture
def editor():
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    return user


def today() -> str:
    now = timezone.localtime()
    return f"{now.day} {now:%b %Y}"


@pytest.mark.slow
def test_a_moved_standing_names_the_certification_and_the_rule_in_plain_words(
    client, login, advisor, editor, django_capture_on_commit_callbacks
):
    ready = add_client(advisor.organisation, advisor, "Ready Rita", nurse())
    client.force_login(editor)
    fields = the_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["20000"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url("acm"), single(fields)).status_code == 302
    change = StatusChange.objects.get(client=ready, certification="acm")
    expected = (
        f"ACM: the hours of work needed for “{ACM_ROUTE}” changed from 2,080 to 20,000 "
        f"(erin, {today()})"
    )
    assert change.cause == expected
    page = login(advisor).get("/advisor/").content.decode()
    assert expected in page
    assert "“experience”" not in page


@pytest.mark.slow
def test_a_save_that_changes_nothing_is_not_a_rule_change(client, editor):
    since = timezone.now() - dt.timedelta(microseconds=1)
    client.force_login(editor)
    assert client.post(change_url("acm"), single(the_form(client, "acm"))).status_code == 302
    assert rule_changes(since) == []


@pytest.mark.slow
def test_a_removed_route_and_a_tightened_rule_are_said_plainly(client, editor):
    since = timezone.now() - dt.timedelta(microseconds=1)
    client.force_login(editor)
    fields = the_form(client, "ccm")
    fields["groups-1-options-2-DELETE"] = ["on"]  # 12 months supervising case managers
    fields.pop("groups-1-options-1-conditions-0-p_paid", None)
    fields["groups-1-options-1-conditions-0-p_paid"] = ["on"]  # 24 months: only paid work
    assert client.post(change_url("ccm"), single(fields)).status_code == 302
    texts = sorted(c["text"] for c in rule_changes(since))
    assert texts == [
        f"CCM: for “24 months as a case manager”, only paid work counts now (erin, {today()})",
        "CCM: the route “12 months supervising case managers” was removed from "
        f"“Case management work” (erin, {today()})",
    ]


@pytest.mark.slow
def test_the_certification_page_lists_its_rule_changes_in_the_same_words(client, editor):
    client.force_login(editor)
    fields = the_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["1040"]
    client.post(change_url("acm"), single(fields))
    page = client.get(change_url("acm")).content.decode()
    assert f"the hours of work needed for “{ACM_ROUTE}” changed from 2,080 to 1,040" in page
    assert "erin" in page
