"""Import and export of the catalog in the admin: dry-run diff, apply, atomic refusal."""

import io
import json

import pytest
from django.contrib.auth.models import Group

from eligibility import models as m
from eligibility.snapshot import SEED_PATH
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]
IMPORT = "/admin/eligibility/certification/catalog/import/"
EXPORT = "/admin/eligibility/certification/catalog/export/"


def seed() -> dict:
    return json.loads(SEED_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def editor(client):
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    client.force_login(user)
    return user


def upload(client, data, **extra):
    file = io.BytesIO(json.dumps(data).encode())
    file.name = "catalog.json"
    return client.post(IMPORT, {"file": file, **extra})


def changed_catalog() -> dict:
    data = seed()
    data["certifications"][0]["groups"][1]["options"][1]["conditions"][0]["params"]["hours"] = 3000
    cmac = data["certifications"][3]
    data["certifications"].append(
        {**cmac, "code": "cmac-2", "name": "CMAC (second edition)", "application_notes": []}
    )
    return data


def test_the_export_downloads_the_whole_catalog(client, editor):
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert [c["code"] for c in data["certifications"]] == [
        "ccm", "acm", "cmgt-bc", "cmac", "cdms", "cmcn", "c-swcm", "c-aswcm", "crc", "cmc", "ccctm",
    ]  # fmt: skip


@pytest.mark.slow
def test_an_import_shows_a_dry_run_diff_first_and_changes_nothing(client, editor):
    response = upload(client, changed_catalog())
    assert response.status_code == 200
    assert response.context["changes"] == ["ccm: 1 condition changed", "cmac-2: added"]
    assert not m.Certification.objects.filter(code="cmac-2").exists()
    hours = m.Condition.objects.get(
        option__code="case-management", option__group__code="employment"
    )
    assert hours.params["hours"] == 4160


@pytest.mark.slow
def test_applying_the_import_changes_everything_in_one_step(client, editor):
    preview = upload(client, changed_catalog())
    carried = preview.context["carry"]["content"].value()
    response = client.post(IMPORT, {"content": carried, "apply": "1"}, follow=True)
    assert response.status_code == 200
    assert "Catalog imported: ccm: 1 condition changed; cmac-2: added" in response.content.decode()
    assert m.Certification.objects.filter(code="cmac-2").exists()


def test_an_invalid_file_is_refused_with_every_path_and_nothing_applied(client, editor):
    data = changed_catalog()
    data["certifications"][1]["groups"][0]["options"][0]["conditions"][0]["params"][
        "licence_types"
    ] = ["astronaut"]
    response = client.post(IMPORT, {"content": json.dumps(data), "apply": "1"})
    assert response.status_code == 200
    errors = response.context["errors"]
    assert errors == {
        "certifications[1].groups[0].options[0].conditions[0].params.licence_types": (
            "unknown licence types: astronaut"
        )
    }
    assert not m.Certification.objects.filter(code="cmac-2").exists()


def test_a_file_that_is_not_json_is_refused(client, editor):
    file = io.BytesIO(b"{nope")
    file.name = "catalog.json"
    response = client.post(IMPORT, {"file": file})
    assert "The file is not valid JSON" in response.content.decode()


def test_someone_without_catalog_rights_cannot_import(client):
    client.force_login(UserFactory(username="visitor", is_staff=True))
    assert client.get(IMPORT).status_code == 403


@pytest.mark.slow
def test_an_import_carries_fact_sources_and_wages_and_refuses_a_verified_source_off_site(
    client, editor
):
    data = seed()
    data["soc_wages"][0]["median_annual_wage"] = 90000
    data["certifications"][1]["fees"] = "$250"
    data["certifications"][1]["fees_source"] = "coursera-case-manager-certification"
    preview = upload(client, data)
    assert preview.context["changes"] == ["acm: details changed", "29-1141: details changed"]
    carried = preview.context["carry"]["content"].value()
    client.post(IMPORT, {"content": carried, "apply": "1"}, follow=True)
    assert m.SocWage.objects.get(code="29-1141").median_annual_wage == 90000
    assert m.Certification.objects.get(code="acm").fees_source.code == (
        "coursera-case-manager-certification"
    )
    data["certifications"][1]["fees_source"] = "commission-ccm-faqs"  # verified, not ACMA's
    response = client.post(IMPORT, {"content": json.dumps(data), "apply": "1"})
    errors = response.context["errors"]
    assert list(errors) == ["certifications[1].fees_source"]
    assert (
        "is not on the American Case Management Association's own site"
        in errors["certifications[1].fees_source"]
    )
    assert m.Certification.objects.get(code="acm").fees_source.code == (
        "coursera-case-manager-certification"
    )
