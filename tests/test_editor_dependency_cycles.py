"""An editor cannot make a certification depend on itself through "not eligible for": the
loader refuses such a catalog, so a saved one would leave no page able to build it."""

import pytest
from django.contrib.auth.models import Group

from eligibility import models as m
from tests.factories import UserFactory
from tests.htmlforms import form_fields, single

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded"), pytest.mark.slow]


@pytest.fixture
def editor(client):
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    client.force_login(user)
    return user


def change_url(code: str) -> str:
    return f"/admin/eligibility/certification/{m.Certification.objects.get(code=code).pk}/change/"


def first_condition_turned_into_not_eligible_for(client, code: str, target: str) -> dict:
    """The rendered form of `code` with its first condition changed, as an editor would, to
    "not eligible for `target`"."""
    fields = form_fields(client.get(change_url(code)).content.decode(), "certification_form")
    kind = next(k for k in fields if k.endswith("-conditions-0-kind") and "__prefix__" not in k)
    fields[kind] = ["not-eligible-for"]
    fields[kind.removesuffix("kind") + "p_certification"] = [target]
    return fields


def test_making_acm_depend_on_cmac_which_depends_on_acm_is_refused_naming_the_circle(
    client, editor
):
    before = m.Condition.objects.filter(kind="not-eligible-for").count()
    fields = first_condition_turned_into_not_eligible_for(client, "acm", "cmac")
    response = client.post(change_url("acm"), single(fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert "this would make a circle" in page
    assert "ACM" in page.split("this would make a circle", 1)[1][:200]
    assert m.Condition.objects.filter(kind="not-eligible-for").count() == before
    assert client.get("/certifications/").status_code == 200


def test_a_certification_cannot_depend_on_itself(client, editor):
    fields = first_condition_turned_into_not_eligible_for(client, "ccm", "ccm")
    response = client.post(change_url("ccm"), single(fields))
    assert response.status_code == 200
    assert "cannot depend on itself" in response.content.decode()


def test_depending_on_a_certification_that_depends_on_nothing_is_saved(client, editor):
    fields = first_condition_turned_into_not_eligible_for(client, "ccm", "acm")
    response = client.post(change_url("ccm"), single(fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert m.Condition.objects.filter(
        kind="not-eligible-for", option__group__certification__code="ccm"
    ).exists()
    assert client.get("/certifications/ccm/").status_code == 200
