"""Catalog editors may change the catalog and nothing else: not organisations, members,
clients or assessments (an editor who could add a membership made themselves an admin)."""

import pytest
from django.contrib.auth.models import Group

from advising.models import Client, Membership, Organisation
from eligibility.editors import CATALOG_MODELS, GROUP, ensure_editors_group
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def models_of(group: Group) -> set[tuple[str, str]]:
    return set(group.permissions.values_list("content_type__app_label", "content_type__model"))


def test_the_editors_group_holds_the_catalog_models_and_nothing_else():
    catalog = {("eligibility", model) for model in CATALOG_MODELS}
    assert models_of(ensure_editors_group()) == catalog
    assert not {model for _, model in catalog} & {"organisation", "membership", "client"}


def test_the_migrations_group_and_the_rebuilt_group_are_the_same():
    migrated = set(Group.objects.get(name=GROUP).permissions.values_list("codename", flat=True))
    rebuilt = set(ensure_editors_group().permissions.values_list("codename", flat=True))
    assert migrated == rebuilt
    assert "change_certification" in rebuilt and "add_membership" not in rebuilt


def test_an_editor_cannot_make_themselves_a_member_of_an_organisation(client):
    org = Organisation.objects.create(name="Riverside Workforce Board", slug="riverside")
    Client.objects.create(organisation=org, name="Maria Garcia")
    editor = UserFactory(username="erin", is_staff=True)
    editor.groups.add(ensure_editors_group())
    client.force_login(editor)

    assert client.get(f"/admin/advising/organisation/{org.pk}/change/").status_code == 403
    # The attack: a membership row (self, admin) added on the organisation's change form.
    response = client.post(
        f"/admin/advising/organisation/{org.pk}/change/",
        {
            "name": org.name, "slug": org.slug,
            "memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": editor.pk, "memberships-0-role": Membership.ADMIN,
        },
    )  # fmt: skip
    assert response.status_code == 403
    assert not Membership.objects.filter(user=editor).exists()
    assert "Maria Garcia" not in client.get("/advisor/", follow=True).content.decode()
