"""A certification's history: what each edit changed, and reverting its whole rule tree.

Every edit is made the way an editor makes it: the rendered change form is parsed, only what
the editor changes is changed, and that is posted. The revert is chosen on the rendered
history page and confirmed through the rendered confirmation form.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission

from eligibility import models as m
from eligibility.catalog import get_snapshot
from tests.factories import UserFactory
from tests.htmlforms import form_fields, single
from tests.test_editor_admin import change_url, the_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

HOURS = "groups-1-options-0-conditions-0-p_hours"  # CCM: 12 months under a CCM supervisor
SUPERVISED_ROUTE = "12 months under a CCM-certified supervisor"


@pytest.fixture
def editor():
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    return user


def history_url(code: str) -> str:
    return change_url(code).removesuffix("change/") + "history/"


def supervised_hours() -> int:
    condition = m.Condition.objects.get(
        option__group__certification__code="ccm", option__code="supervised-by-ccm"
    )
    return condition.params["hours"]


def engine_hours() -> int:
    return get_snapshot().certification("ccm").groups[1].options[0].conditions[0].hours


def edit_ccm(client, **changes: str) -> None:
    """Post CCM's rendered change form with only `changes` (field name → value) changed."""
    fields = the_form(client, "ccm")
    for name, value in changes.items():
        assert name in fields, name
        fields[name] = [value]
    response = client.post(change_url("ccm"), single(fields))
    assert response.status_code == 302, response.content.decode()[:2000]


def revert_links(page: str, code: str) -> list[str]:
    """The history page's "go back to this version" links, newest first."""
    prefix = re.escape(history_url(code))
    return re.findall(rf'href="({prefix}[^"/]+/)"', page)


def text_of(html: str) -> str:
    """The page's words as a person reads them (tags dropped, spaces collapsed)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.slow
def test_reverting_from_the_certifications_history_brings_the_rule_back(client, editor):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    assert supervised_hours() == 1500 and engine_hours() == 1500

    history = client.get(history_url("ccm"))
    assert history.status_code == 200
    links = revert_links(history.content.decode(), "ccm")
    assert len(links) == 2, links  # the seeded version, then erin's edit
    confirm = client.get(links[-1])  # the version before the edit
    assert confirm.status_code == 200
    response = client.post(links[-1], single(form_fields(confirm.content.decode(), "revert")))
    assert response.status_code == 302

    assert supervised_hours() == 2080
    assert engine_hours() == 2080


@pytest.mark.slow
def test_the_history_says_what_each_edit_changed_in_plain_words(client, editor):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    page = text_of(client.get(history_url("ccm")).content.decode())
    assert f"The hours of work needed for “{SUPERVISED_ROUTE}” changed from 2,080 to 1,500" in page
    assert "erin" in page
    assert "“experience”" not in page  # rows are named by what they say, not their codes


@pytest.mark.slow
def test_the_confirmation_says_what_reverting_changes_before_anything_changes(client, editor):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    links = revert_links(client.get(history_url("ccm")).content.decode(), "ccm")
    page = text_of(client.get(links[-1]).content.decode())
    assert f"The hours of work needed for “{SUPERVISED_ROUTE}” changes from 1,500 to 2,080" in page
    assert supervised_hours() == 1500  # only looking changes nothing


@pytest.mark.slow
def test_the_revert_is_recorded_with_who_did_it_and_what_came_back(client, editor):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    links = revert_links(client.get(history_url("ccm")).content.decode(), "ccm")
    confirm = client.get(links[-1]).content.decode()
    response = client.post(links[-1], single(form_fields(confirm, "revert")), follow=True)
    said = text_of(response.content.decode())
    assert "changed from 1,500 to 2,080" in said  # the success message says what came back

    page = client.get(history_url("ccm")).content.decode()
    table = page[page.index('id="change-history"') :]
    newest = text_of(table.split("</tr>")[1])  # the first row after the table's header
    assert "erin" in newest and "Reverted to the version of" in newest
    assert f"“{SUPERVISED_ROUTE}” changed from 1,500 to 2,080" in newest
    assert len(revert_links(page, "ccm")) == 3


@pytest.mark.slow
def test_reverting_brings_back_a_deleted_route_with_its_rule(client, editor):
    client.force_login(editor)
    fields = the_form(client, "ccm")
    fields["groups-1-options-2-DELETE"] = ["on"]  # "12 months supervising case managers"
    assert client.post(change_url("ccm"), single(fields)).status_code == 302
    assert len(get_snapshot().certification("ccm").groups[1].options) == 2

    page = client.get(history_url("ccm")).content.decode()
    assert "The route “12 months supervising case managers” was removed" in text_of(page)
    link = revert_links(page, "ccm")[-1]
    client.post(link, single(form_fields(client.get(link).content.decode(), "revert")))

    options = get_snapshot().certification("ccm").groups[1].options
    assert [o.name for o in options][-1] == "12 months supervising case managers"
    assert options[-1].conditions[0].hours == 2080


@pytest.mark.slow
def test_reverting_undoes_a_rename_and_an_hours_change_made_together(client, editor):
    client.force_login(editor)
    edit_ccm(
        client,
        **{HOURS: "1500", "groups-1-options-0-name": "1,500 hours under a CCM supervisor"},
    )
    link = revert_links(client.get(history_url("ccm")).content.decode(), "ccm")[-1]
    client.post(link, single(form_fields(client.get(link).content.decode(), "revert")))
    route = get_snapshot().certification("ccm").groups[1].options[0]
    assert (route.name, route.conditions[0].hours) == (SUPERVISED_ROUTE, 2080)


@pytest.mark.slow
def test_reverting_to_the_newest_version_changes_nothing(client, editor):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    link = revert_links(client.get(history_url("ccm")).content.decode(), "ccm")[0]
    page = text_of(client.get(link).content.decode())
    assert "This is how the certification is now" in page
    assert supervised_hours() == 1500


@pytest.mark.slow
def test_a_staff_member_who_may_not_edit_rules_cannot_revert_them(client, editor):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    link = revert_links(client.get(history_url("ccm")).content.decode(), "ccm")[-1]
    viewer = UserFactory(username="vic", is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_certification", "change_certification"])
    )
    client.force_login(viewer)
    assert client.post(link, {}).status_code == 403
    assert supervised_hours() == 1500


def test_an_unknown_version_is_not_found(client, editor):
    client.force_login(editor)
    url = history_url("ccm")
    assert client.get(url + "999999/").status_code == 404
    assert client.get(url + "condition-nonsense/").status_code == 404


@pytest.mark.slow
def test_the_history_page_reads_a_fixed_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    with django_assert_max_num_queries(20) as once:
        client.get(history_url("ccm"))
    queries = len(once)
    for hours in ("1600", "1700", "1800"):
        edit_ccm(client, **{HOURS: hours})
    with django_assert_max_num_queries(queries):
        client.get(history_url("ccm"))


def test_going_back_to_a_version_too_incomplete_to_publish_says_so_first(client, editor):
    import datetime as dt

    from tests.factories import CertificationFactory, ConditionFactory

    draft = CertificationFactory(code="draft-cert", name="Draft Certification")
    an_hour_ago = draft.history.first().history_date - dt.timedelta(hours=1)
    draft.history.update(history_date=an_hour_ago)  # saved first, without any rules
    ConditionFactory(option__group__certification=draft)
    assert any(c.code == "draft-cert" for c in get_snapshot().certifications)

    client.force_login(editor)
    links = revert_links(client.get(history_url("draft-cert")).content.decode(), "draft-cert")
    page = text_of(client.get(links[-1]).content.decode())
    assert "would be hidden from the public" in page


@pytest.mark.slow
def test_a_conditions_own_history_names_its_route_and_points_to_the_certifications(client, editor):
    client.force_login(editor)
    edit_ccm(client, **{HOURS: "1500"})
    condition = m.Condition.objects.get(
        option__group__certification__code="ccm", option__code="supervised-by-ccm"
    )
    page = client.get(f"/admin/eligibility/condition/{condition.pk}/history/").content.decode()
    assert f"History of the work experience rule of “{SUPERVISED_ROUTE}” (CCM)" in page
    assert f'href="{history_url("ccm")}"' in page


@pytest.mark.slow
def test_going_back_and_forth_shows_each_revert_as_one_version(client, editor):
    client.force_login(editor)
    fields = the_form(client, "ccm")
    fields["groups-1-options-2-DELETE"] = ["on"]  # "12 months supervising case managers"
    client.post(change_url("ccm"), single(fields))
    without_route = revert_links(client.get(history_url("ccm")).content.decode(), "ccm")[0]
    seeded = revert_links(client.get(history_url("ccm")).content.decode(), "ccm")[-1]
    client.post(seeded, {})  # the route comes back …
    assert len(get_snapshot().certification("ccm").groups[1].options) == 3
    client.post(without_route, {})  # … and goes again
    assert len(get_snapshot().certification("ccm").groups[1].options) == 2

    page = client.get(history_url("ccm")).content.decode()
    assert len(revert_links(page, "ccm")) == 4  # seeded, deleted, back, deleted again
    table = page[page.index('id="change-history"') :]
    newest = text_of(table.split("</tr>")[1])
    assert "Reverted to the version of" in newest
    assert "The route “12 months supervising case managers” was removed" in newest
