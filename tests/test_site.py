"""The home page and the editors' admin over the seeded catalog."""

import pytest

from tests.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_certifications_with_their_bodies(
    client, seeded, django_assert_max_num_queries
):
    client.get("/")  # warm the snapshot cache
    with django_assert_max_num_queries(2):
        response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Certified Case Manager",
        "The Commission (formerly CCMC)",
        "Accredited Case Manager",
        "American Case Management Association",
        "American Nurses Credentialing Center",
        "Case Management Administrator",
    ):
        assert text in page


def test_the_home_page_says_how_to_load_an_empty_catalog(empty_catalog, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "load_catalog" in response.content.decode()


def test_the_admin_needs_a_staff_login(client, seeded):
    response = client.get("/admin/eligibility/certification/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory())
    response = client.get("/admin/eligibility/certification/")
    assert response.status_code == 302


@pytest.mark.slow
def test_an_editor_sees_a_certifications_whole_rule_tree_in_plain_language(client, seeded):
    from eligibility.models import Certification

    client.force_login(EditorFactory())
    ccm = Certification.objects.get(code="ccm")
    response = client.get(f"/admin/eligibility/certification/{ccm.pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "12 months under a CCM-certified supervisor" in page or "Employment" in page
    assert "under a supervisor who holds Board-Certified Case Manager (CCM)" in page
    assert "At least 3 references" in page


@pytest.mark.parametrize(
    "model",
    ["certification", "requirementgroup", "requirementoption", "jobrole", "source", "role",
     "setting", "licencetype", "degreefield", "degreelevel", "cetopic", "attestation",
     "externalcredential", "certifyingbody", "socwage"],
)  # fmt: skip
def test_every_catalog_list_opens_for_an_editor(
    client, seeded, model, django_assert_max_num_queries
):
    client.force_login(EditorFactory())
    with django_assert_max_num_queries(12):
        response = client.get(f"/admin/eligibility/{model}/")
    assert response.status_code == 200


def test_a_condition_with_bad_parameters_is_refused_by_the_admin_form(client, seeded):
    from django.core.exceptions import ValidationError

    from eligibility.models import Condition

    condition = Condition.objects.get(option__code="health-care-case-management")
    condition.params = {**condition.params, "hours": 0, "roles": ["astronaut"]}
    try:
        condition.full_clean()
    except ValidationError as refused:
        messages = refused.messages
    else:
        raise AssertionError("a zero-hour condition with an unknown role was accepted")
    assert "params.hours: must be positive" in messages
    assert "params.roles: unknown roles: astronaut" in messages


def test_robots_txt_keeps_crawlers_out_of_private_plans(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /plan/" in response.content.decode()
