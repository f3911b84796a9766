"""load_catalog / export_catalog: the seeded catalog, round trips, idempotence, refusals."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from eligibility import models as m
from eligibility.catalog import dump_catalog, get_snapshot
from eligibility.catalog_format import normalise_catalog
from eligibility.loading import load_catalog
from eligibility.snapshot import SEED_PATH, CatalogError, load_seed_snapshot

# Each test loads into an empty database, as a new deployment would.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_catalog")]


def seed() -> dict:
    return json.loads(SEED_PATH.read_text(encoding="utf-8"))


def export() -> str:
    out = StringIO()
    call_command("export_catalog", stdout=out)
    return out.getvalue()


@pytest.mark.slow
def test_it_loads_the_seeded_catalog_with_every_code_of_the_spec():
    call_command("load_catalog", stdout=StringIO())
    assert list(m.Certification.objects.values_list("code", flat=True)) == [
        "ccm", "acm", "cmgt-bc", "cmac", "cdms", "cmcn", "c-swcm", "c-aswcm", "crc", "cmc", "ccctm",
    ]  # fmt: skip
    assert set(m.LicenceType.objects.values_list("code", flat=True)) == {
        "rn", "lpn", "pharmacist", "clinical-social-worker", "social-worker", "counselor",
    }  # fmt: skip
    # SPEC §3's levels and health and human services fields, with the diploma (CMC's RN
    # diploma route) and the fields CRC and CMC name (rehabilitation counseling, human services).
    assert list(m.DegreeLevel.objects.values_list("code", flat=True)) == [
        "diploma", "associate", "bachelor", "master", "doctorate",
    ]  # fmt: skip
    hhs = set(m.DegreeField.objects.filter(hhs=True).values_list("code", flat=True))
    assert hhs == {"nursing", "social-work", "counseling", "psychology", "rehabilitation",
                   "rehabilitation-counseling", "gerontology", "public-health",
                   "human-services"}  # fmt: skip
    hcd = set(m.Setting.objects.filter(health_care_delivery=True).values_list("code", flat=True))
    assert hcd == {"hospital", "health-system", "home-health", "post-acute", "behavioral-health"}
    # The seventeen of the article, disability management / return to work, and leadership.
    assert m.JobRole.objects.count() == 19
    insurance = m.JobRole.objects.get(code="health-insurance-case-manager")
    assert insurance.soc_codes == ["29-1141.00"]  # payer case managers are mostly RNs
    assert set(insurance.helpful_certifications.values_list("code", flat=True)) == {
        "ccm", "acm", "cmac", "cmcn",
    }  # fmt: skip
    ancc = m.Source.objects.get(certifications__code="cmgt-bc", confidence="unverified")
    assert ancc.verified_on is None


@pytest.mark.slow
def test_loading_twice_changes_nothing():
    call_command("load_catalog", stdout=StringIO())
    before = export()
    token = m.CatalogRevision.current()
    out = StringIO()
    call_command("load_catalog", stdout=out)
    assert "already up to date" in out.getvalue()
    assert m.CatalogRevision.current() == token
    assert export() == before


@pytest.mark.slow
def test_export_then_load_into_an_empty_database_gives_identical_json(tmp_path):
    call_command("load_catalog", stdout=StringIO())
    first = export()
    for model in reversed(m.CATALOG_MODELS):
        model.objects.all().delete()
    assert m.Certification.objects.count() == 0
    path = tmp_path / "catalog.json"
    path.write_text(first, encoding="utf-8")
    call_command("load_catalog", str(path), stdout=StringIO())
    assert export() == first


@pytest.mark.slow
def test_the_database_snapshot_has_the_same_version_as_the_seed_file():
    load_catalog(seed())
    assert get_snapshot().version == load_seed_snapshot().version


def test_a_malformed_file_is_refused_with_every_path_and_nothing_is_written():
    data = seed()
    data["certifications"][0]["groups"][1]["options"][0]["conditions"][0]["params"]["hours"] = -5
    data["certifications"][1]["body"] = "nobody"
    data["job_roles"][0]["settings"].append("moon-base")
    data["roles"][0]["colour"] = "blue"
    with pytest.raises(CatalogError) as refused:
        load_catalog(data)
    assert refused.value.errors == {
        "roles[0].colour": "is not a known field",
        "certifications[0].groups[1].options[0].conditions[0].params.hours": "must be positive",
        "certifications[1].body": "unknown bodies: nobody",
        "job_roles[0].settings": "unknown settings: moon-base",
    }
    assert m.Certification.objects.count() == 0
    assert m.LicenceType.objects.count() == 0


def test_the_command_names_each_error_and_exits_non_zero(tmp_path):
    data = seed()
    del data["certifications"][2]["groups"][0]["options"][0]["conditions"][0]["params"][
        "licence_types"
    ]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("load_catalog", str(path), stdout=StringIO())
    message = str(refused.value)
    assert "nothing was written" in message
    assert "certifications[2].groups[0].options[0].conditions[0].params.licence_types" in message


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("load_catalog", str(path), stdout=StringIO())


def test_structural_rules_are_enforced():
    data = seed()
    data["certifications"][3]["groups"] = []
    data["certifications"][0]["groups"][0]["options"] = []
    data["certifications"][1]["groups"][1]["options"][0]["conditions"] = []
    data["certifications"][2]["groups"][1]["code"] = "licence"  # duplicate of group 0
    with pytest.raises(CatalogError) as refused:
        load_catalog(data)
    errors = refused.value.errors
    assert "at least one requirement group" in errors["certifications[3].groups"]
    assert "at least one option" in errors["certifications[0].groups[0].options"]
    assert "at least one condition" in errors["certifications[1].groups[1].options[0].conditions"]
    assert "used twice" in errors["certifications[2].groups[1].code"]


@pytest.mark.slow
def test_loading_a_changed_rule_updates_only_that_rule_and_prunes_removed_options():
    load_catalog(seed())
    data = seed()
    acm = data["certifications"][1]
    acm["groups"][1]["options"][0]["conditions"][0]["params"]["hours"] = 1040
    ccm = data["certifications"][0]
    ccm["groups"][1]["options"] = ccm["groups"][1]["options"][:2]  # drop the supervisor route
    report = load_catalog(data)
    assert [label for label in report.updated if label.startswith("certifications:acm")] == [
        "certifications:acm.experience.health-care-case-management.experience"
    ]
    assert any("supervisor" in label for label in report.deleted)
    assert not m.RequirementOption.objects.filter(
        group__certification__code="ccm", code="supervisor"
    ).exists()
    condition = m.Condition.objects.get(option__code="health-care-case-management")
    assert condition.params["hours"] == 1040


@pytest.mark.slow
def test_the_snapshot_is_cached_and_rebuilt_when_an_editor_changes_a_row(
    django_assert_num_queries,
):
    load_catalog(seed())
    first = get_snapshot()
    with django_assert_num_queries(1):  # only the revision token is read
        assert get_snapshot() is first
    condition = m.Condition.objects.get(option__code="health-care-case-management")
    condition.params = {**condition.params, "hours": 1040}
    condition.save()
    second = get_snapshot()
    assert second is not first
    assert second.version != first.version
    acm = second.certification("acm")
    assert acm.groups[1].options[0].conditions[0].hours == 1040


@pytest.fixture
def recheck_clock(settings, monkeypatch):
    """The production recheck window (2 s) with a clock the test moves."""
    settings.CATALOG_RECHECK_SECONDS = 2
    clock = [1000.0]
    monkeypatch.setattr("eligibility.catalog.time.monotonic", lambda: clock[0])
    return clock


def acm_hours(snapshot) -> float:
    return snapshot.certification("acm").groups[1].options[0].conditions[0].hours


# Outside a test transaction: inside one, every read is trusted for one call only (below).
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_within_the_recheck_window_a_worker_reads_no_token_but_sees_its_own_changes_at_once(
    recheck_clock, django_assert_num_queries
):
    clock = recheck_clock
    load_catalog(seed())
    first = get_snapshot()
    with django_assert_num_queries(0):
        assert get_snapshot() is first

    # Another worker's edit: only the token moves here, as another process would move it.
    m.CatalogRevision.objects.filter(pk=1).update(token="changed-elsewhere")
    m.Condition.objects.filter(option__code="health-care-case-management").update(
        params={**m.Condition.objects.get(option__code="health-care-case-management").params,
                "hours": 1234}
    )  # fmt: skip
    clock[0] += 1.9
    assert get_snapshot() is first  # not yet: still inside the window
    clock[0] += 0.2
    assert acm_hours(get_snapshot()) == 1234

    # This worker's own edit (a save, as the admin makes) is seen on the very next call.
    condition = m.Condition.objects.get(option__code="health-care-case-management")
    condition.params = {**condition.params, "hours": 1040}
    condition.save()
    assert acm_hours(get_snapshot()) == 1040


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_change_rolled_back_is_not_served_for_the_rest_of_the_window(recheck_clock):
    load_catalog(seed())
    before = acm_hours(get_snapshot())
    with pytest.raises(RuntimeError), transaction.atomic():
        condition = m.Condition.objects.get(option__code="health-care-case-management")
        condition.params = {**condition.params, "hours": 1234}
        condition.save()  # an editor's save that fails afterwards
        assert acm_hours(get_snapshot()) == 1234  # the change, seen inside its transaction
        raise RuntimeError("the rest of the save failed")
    assert acm_hours(get_snapshot()) == before


def test_a_deep_copy_of_the_seed_with_reordered_links_has_the_same_version():
    data = copy.deepcopy(seed())
    data["job_roles"][0]["helpful_certifications"].reverse()
    from eligibility.snapshot import parse_catalog

    assert parse_catalog(data).version == load_seed_snapshot().version


@pytest.mark.slow
def test_dump_reads_the_catalog_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    load_catalog(seed())
    with django_assert_max_num_queries(25):
        dump_catalog()


@pytest.mark.slow
def test_a_certification_being_built_stays_out_of_the_public_catalog_until_whole(client):
    from tests.factories import CertificationFactory, RequirementGroupFactory

    load_catalog(seed())
    draft = CertificationFactory(code="draft-cert", name="Draft Certification")
    RequirementGroupFactory(certification=draft)  # a group without options yet
    snapshot = get_snapshot()
    assert [c.code for c in snapshot.certifications] == [
        "ccm", "acm", "cmgt-bc", "cmac", "cdms", "cmcn", "c-swcm", "c-aswcm", "crc", "cmc", "ccctm",
    ]  # fmt: skip
    assert client.get("/").status_code == 200
    with pytest.raises(CatalogError):
        dump_catalog()  # an export stays strict: it names what is incomplete


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"name": "\\ud800"}', "surrogates not allowed"),
        (b"\xff\xfe{}", "invalid start byte"),
    ],
)
def test_the_command_refuses_a_file_that_cannot_be_a_catalog_in_words(tmp_path, content, reason):
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=reason):
        call_command("load_catalog", str(path))
    assert m.Certification.objects.count() == 0


# --- facts cited on their own, wages (issue #16) ------------------------------------------


@pytest.mark.slow
def test_the_export_carries_each_facts_source_the_wages_and_who_a_certification_is_for():
    load_catalog(seed())
    data = dump_catalog()
    ccm = data["certifications"][0]
    assert ccm["fees_source"] == "commission-ccm-faqs"
    assert ccm["exam_source"] == "ccm-exam-test-prep"
    assert ccm["renewal_source"] == "commission-ccm-stay-certified"
    assert ccm["audience"].startswith("Nurses, social workers, counselors")
    assert data["bodies"][0]["other_urls"] == ["https://ccmcertification.org", "https://cdms.org"]
    wages = {w["code"]: w for w in data["soc_wages"]}
    assert wages["11-9111"]["median_annual_wage"] == 104830
    assert wages["11-9111"]["period"] == "May 2022"
    assert wages["21-1092"]["median_annual_wage"] is None  # not confirmed: left empty
    assert data == normalise_catalog(seed())  # nothing lost between the file and the database


@pytest.mark.slow
def test_changed_fact_sources_and_wages_round_trip_through_an_empty_database(tmp_path):
    data = seed()
    data["certifications"][1]["fees"] = "$100"
    data["certifications"][1]["fees_source"] = "coursera-case-manager-certification"
    data["soc_wages"][0]["employment"] = 3_000_000
    data["job_roles"][0]["wage_notes"] = "Mostly nurses."
    load_catalog(data)
    first = export()
    for model in reversed(m.CATALOG_MODELS):
        model.objects.all().delete()
    path = tmp_path / "catalog.json"
    path.write_text(first, encoding="utf-8")
    call_command("load_catalog", str(path), stdout=StringIO())
    assert export() == first
    again = json.loads(first)
    assert again["certifications"][1]["fees_source"] == "coursera-case-manager-certification"
    assert again["soc_wages"][0]["employment"] == 3_000_000
    assert again["job_roles"][0]["wage_notes"] == "Mostly nurses."


def test_a_verified_source_off_the_bodys_site_is_refused_naming_the_field():
    data = seed()
    data["certifications"][0]["fees_source"] = "acma-acm-faq"  # verified, but ACMA's page
    data["certifications"][3]["sources"].append("commission-ccm-faqs")
    with pytest.raises(CatalogError) as refused:
        load_catalog(data)
    errors = refused.value.errors
    assert set(errors) == {"certifications[0].fees_source", "certifications[3].sources[1]"}
    assert errors["certifications[0].fees_source"] == (
        "the source 'acma-acm-faq' is marked verified, but its address "
        "(https://www.acmaweb.org/acm/default.aspx?nav=faq) is not on The Commission (formerly "
        "CCMC)'s own site (yourcommission.org, ccmcertification.org, cdms.org). Only the body's "
        "own page verifies a fact: mark the source secondary, or cite the body's page."
    )
    assert m.Certification.objects.count() == 0


@pytest.mark.slow
def test_a_secondary_source_anywhere_and_a_verified_one_on_a_sister_site_are_accepted():
    data = seed()
    data["certifications"][0]["fees_source"] = "coursera-case-manager-certification"
    data["certifications"][0]["windows_source"] = "commission-ccm-exam-timeline"  # former site
    load_catalog(data)
    assert m.Certification.objects.get(code="ccm").fees_source.code == (
        "coursera-case-manager-certification"
    )


def test_wage_rows_are_checked_by_path():
    data = seed()
    data["soc_wages"][1]["code"] = "211022"  # a code, but not a SOC code
    data["soc_wages"][2]["source"] = "nowhere"
    data["soc_wages"][3]["source"] = "commission-ccm-faqs"  # verified, not on bls.gov
    data["certifications"][0]["exam_source"] = 7
    with pytest.raises(CatalogError) as refused:
        load_catalog(data)
    errors = refused.value.errors
    assert errors["soc_wages[1].code"] == "must be a 6-digit SOC code like 29-1141"
    assert errors["soc_wages[2].source"] == "unknown sources: nowhere"
    assert (
        "not on the Bureau of Labor Statistics' own site (bls.gov)" in errors["soc_wages[3].source"]
    )
    assert errors["certifications[0].exam_source"] == "must be a code or null"
