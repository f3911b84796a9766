"""Editors keep the catalog in the admin: the group, the rule tree page, validation, history."""

import pytest
from django.contrib.auth.models import Group

from eligibility import models as m
from eligibility.catalog import get_snapshot
from tests.conftest import SPEC_EXAMPLE
from tests.factories import UserFactory
from tests.htmlforms import form_fields, single

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


@pytest.fixture
def editor():
    user = UserFactory(username="erin", is_staff=True)
    user.groups.add(Group.objects.get(name="Catalog editors"))
    return user


def change_url(code: str) -> str:
    return f"/admin/eligibility/certification/{m.Certification.objects.get(code=code).pk}/change/"


def the_form(client, code: str) -> dict:
    page = client.get(change_url(code)).content.decode()
    return form_fields(page, "certification_form")


def key_with_value(fields: dict, suffix: str, value: str) -> str:
    keys = [k for k, v in fields.items() if k.endswith(suffix) and v == [value]]
    assert len(keys) == 1, keys
    return keys[0]


@pytest.mark.slow
def test_the_editors_group_can_edit_the_catalog_but_not_users(client, editor):
    client.force_login(editor)
    assert client.get("/admin/eligibility/certification/").status_code == 200
    assert client.get(change_url("ccm")).status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    assert client.get("/admin/eligibility/savedplan/").status_code == 404  # not registered


@pytest.mark.slow
def test_a_certification_page_shows_the_whole_rule_tree_as_fields_not_json(client, editor):
    client.force_login(editor)
    page = client.get(change_url("ccm")).content.decode()
    assert "12 months under a CCM-certified supervisor" in page
    assert 'name="params"' not in page
    fields = form_fields(page, "certification_form")
    assert fields["groups-1-options-0-conditions-0-p_hours"] == ["2080"]
    assert fields["groups-1-options-0-conditions-0-p_supervisor_credentials"] == ["ccm"]
    assert fields["groups-1-options-0-conditions-0-kind"] == ["experience"]


@pytest.mark.slow
def test_an_editor_changes_acms_hours_and_the_results_follow_at_once(client, editor):
    client.force_login(editor)
    fields = the_form(client, "acm")
    hours = key_with_value(fields, "-p_hours", "2080")
    fields[hours] = ["1040"]
    response = client.post(change_url("acm"), single(fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    acm = get_snapshot().certification("acm")
    assert acm.groups[1].options[0].conditions[0].hours == 1040
    condition = m.Condition.objects.get(option__code="health-care-case-management")
    last = condition.history.first()
    assert last.history_user == editor and last.params["hours"] == 1040


@pytest.mark.slow
def test_validation_names_the_field(client, editor):
    client.force_login(editor)
    fields = the_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["0"]
    roles = [k for k in fields if k.endswith("-p_roles")]
    for key in roles:
        fields[key] = []
    response = client.post(change_url("acm"), single(fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert "At least this many hours: must be positive" in page
    assert "In one of these roles: needs at least one" in page
    assert (
        m.Condition.objects.get(option__code="health-care-case-management").params["hours"] == 2080
    )


@pytest.mark.slow
def test_a_group_needs_at_least_one_option(client, editor):
    client.force_login(editor)
    fields = the_form(client, "acm")
    option_ids = [k for k in fields if k.startswith("groups-1-options-") and k.endswith("-id")]
    for key in option_ids:
        fields[key.removesuffix("-id") + "-DELETE"] = ["on"]
    response = client.post(change_url("acm"), single(fields))
    assert response.status_code == 200
    assert "A requirement group needs at least one option." in response.content.decode()
    assert m.RequirementOption.objects.filter(group__certification__code="acm").count() == 4


@pytest.mark.slow
def test_a_change_can_be_reverted_from_its_history(client, editor):
    client.force_login(editor)
    fields = the_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["1040"]
    client.post(change_url("acm"), single(fields))
    condition = m.Condition.objects.get(option__code="health-care-case-management")
    history = client.get(f"/admin/eligibility/condition/{condition.pk}/history/")
    assert history.status_code == 200 and "erin" in history.content.decode()
    before = condition.history.filter(params__hours=2080).first()
    url = f"/admin/eligibility/condition/{condition.pk}/history/{before.history_id}/"
    revert_page = client.get(url)
    assert revert_page.status_code == 200
    response = client.post(url, single(form_fields(revert_page.content.decode())))
    assert response.status_code == 302
    condition.refresh_from_db()
    assert condition.params["hours"] == 2080
    assert get_snapshot().certification("acm").groups[1].options[0].conditions[0].hours == 2080


def test_the_list_flags_certifications_not_verified_in_twelve_months(client, editor):
    client.force_login(editor)
    page = client.get("/admin/eligibility/certification/?fresh=stale").content.decode()
    assert "Nursing Case Management" in page  # its only sources are secondary or unverified
    assert "never verified" in page
    assert "Accredited Case Manager" not in page


@pytest.mark.slow
def test_public_results_use_the_edited_rule(client, editor, assess):
    client.force_login(editor)
    fields = the_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["8000"]
    client.post(change_url("acm"), single(fields))
    client.logout()
    response = client.post("/api/assess", SPEC_EXAMPLE, content_type="application/json")
    acm = next(r for r in response.json()["results"] if r["certification"] == "acm")
    # 8,000 h at 40 h/week = 1,400 days from 2023-01-01 → 2026-10-31, still before as_of.
    assert acm["status"] == "eligible"
    experience = acm["groups"][1]["options"][0]["conditions"][0]
    assert experience["need"] == 8000


@pytest.mark.slow
def test_an_editor_previews_an_edit_before_saving_it(client, editor):
    from eligibility.plans import save_plan
    from tests.conftest import SPEC_EXAMPLE

    save_plan(profile=SPEC_EXAMPLE)
    client.force_login(editor)
    fields = the_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["10000"]
    response = client.post(change_url("acm"), {**single(fields), "_preview": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing has been saved yet" in page
    assert "At least 10,000 hours" in page and "(changed)" in page
    assert page.count("(changed)") == 1  # only the experience group changed
    samples = dict((name, (was, now)) for name, was, now in response.context["impact"].samples)
    was, now = samples["Licensed social worker, hospital case management for 14 months"]
    assert was == "eligible now" and now.startswith("eligible from ")
    assert samples["New graduate nurse, 6 months on a hospital ward"] == ("not yet", "not yet")
    # The SPEC example has 8,131 h: eligible now, then eligible later with 10,000 h.
    assert response.context["impact"].saved_changed == [("eligible now → eligible later", 1)]
    assert (
        m.Condition.objects.get(option__code="health-care-case-management").params["hours"] == 2080
    )
    # Saving from the preview applies exactly the previewed edit.
    replay = dict(response.context["replay"])
    saved = client.post(change_url("acm"), {**single(fields), "_save": "1"})
    assert saved.status_code == 302
    assert replay[key_with_value(fields, "-p_hours", "10000")] == "10000"
    condition = m.Condition.objects.get(option__code="health-care-case-management")
    assert condition.params["hours"] == 10000


@pytest.mark.slow
def test_an_empty_code_is_made_from_the_name(client, editor):
    client.force_login(editor)
    fields = the_form(client, "acm")
    option_code = key_with_value(fields, "-code", "health-care-case-management")
    fields[option_code] = [""]
    fields[option_code.removesuffix("code") + "name"] = ["One year in health care"]
    response = client.post(change_url("acm"), single(fields))
    assert response.status_code == 302
    assert m.RequirementOption.objects.filter(
        group__certification__code="acm", code="one-year-in-health-care"
    ).exists()


@pytest.mark.slow
def test_the_certification_page_gathers_the_rule_changes_with_who_made_them(client, editor):
    client.force_login(editor)
    fields = the_form(client, "acm")
    fields[key_with_value(fields, "-p_hours", "2080")] = ["1040"]
    client.post(change_url("acm"), single(fields))
    page = client.get(change_url("acm")).content.decode()
    assert "recent rule changes" in page.lower()
    assert "erin: the hours of work needed for" in page  # who, and the rule in words


# --- each fact's source, who it is for, wages (issue #16) ---------------------------------


def source_pk(code: str) -> str:
    return str(m.Source.objects.get(code=code).pk)


@pytest.mark.slow
def test_the_certification_page_asks_for_each_facts_source_and_who_it_is_for(client, editor):
    client.force_login(editor)
    fields = the_form(client, "ccm")
    assert fields["fees_source"] == [source_pk("commission-ccm-faqs")]
    assert fields["exam_source"] == [source_pk("ccm-exam-test-prep")]
    assert fields["windows_source"] == [source_pk("commission-ccm-exam-timeline")]
    assert fields["renewal_source"] == [source_pk("commission-ccm-stay-certified")]
    assert fields["audience"][0].startswith("Nurses, social workers")
    page = client.get(change_url("ccm")).content.decode()
    assert "Exam and renewal, each fact with its own source" in page


@pytest.mark.slow
def test_an_editor_changes_a_facts_source_and_the_page_shows_its_confidence(client, editor):
    client.force_login(editor)
    fields = the_form(client, "ccm")
    fields["fees_source"] = [source_pk("coursera-case-manager-certification")]
    response = client.post(change_url("ccm"), single(fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    content = client.get("/certifications/ccm/").content.decode()
    fees = content.split("<dt>Fees</dt>", 1)[1].split("</dd>", 1)[0]
    assert "Secondary source" in fees and "Verified" not in fees


@pytest.mark.slow
def test_a_verified_fact_source_off_the_bodys_site_is_refused_naming_the_field(client, editor):
    client.force_login(editor)
    fields = the_form(client, "ccm")
    fields["fees_source"] = [source_pk("acma-acm-faq")]  # verified, on ACMA's site
    response = client.post(change_url("ccm"), single(fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "Fees source: the source &#x27;acma-acm-faq&#x27; is marked verified, but its address"
    ) in page
    assert "is not on The Commission (formerly CCMC)&#x27;s own site" in page
    assert m.Certification.objects.get(code="ccm").fees_source.code == "commission-ccm-faqs"


@pytest.mark.slow
def test_a_verified_rules_source_off_the_bodys_site_is_refused_too(client, editor):
    client.force_login(editor)
    fields = the_form(client, "cmac")
    fields["sources"] = [source_pk("acma-cmac"), source_pk("commission-ccm-faqs")]
    response = client.post(change_url("cmac"), single(fields))
    assert response.status_code == 200
    assert "Sources of the rules: the source &#x27;commission-ccm-faqs&#x27;" in (
        response.content.decode()
    )


def test_marking_a_cited_source_verified_off_the_bodys_site_is_refused(client, editor):
    client.force_login(editor)
    source = m.Source.objects.get(code="coursera-case-manager-certification")
    url = f"/admin/eligibility/source/{source.pk}/change/"
    fields = form_fields(client.get(url).content.decode(), "source_form")
    fields["confidence"] = ["verified"]
    response = client.post(url, single(fields))
    assert response.status_code == 200
    assert "Confidence (Board-Certified Case Manager (CCM) cites this source)" in (
        response.content.decode()
    )
    source.refresh_from_db()
    assert source.confidence == "secondary"


def test_editors_keep_the_occupation_wages_and_the_jobs_page_follows(client, editor):
    client.force_login(editor)
    assert client.get("/admin/eligibility/socwage/").status_code == 200
    wage = m.SocWage.objects.get(code="11-9111")
    url = f"/admin/eligibility/socwage/{wage.pk}/change/"
    fields = form_fields(client.get(url).content.decode(), "socwage_form")
    fields["median_annual_wage"] = ["110000"]
    fields["period"] = ["May 2025"]
    response = client.post(url, single(fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get("/jobs/case-management-leader/").content.decode()
    assert "median $110,000 a year (May 2025)" in page
    assert wage.history.first().history_user == editor
