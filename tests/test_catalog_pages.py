"""The public catalog pages: /certifications/, /certifications/<code>/, /jobs/, /jobs/<code>/."""

import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eligibility.snapshot import SEED_PATH
from tests.factories import (
    CertificationFactory,
    ConditionFactory,
    RequirementGroupFactory,
    RequirementOptionFactory,
)

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 3  # one when the snapshot cache is warm; a little room for middleware
SEED = json.loads(SEED_PATH.read_text(encoding="utf-8"))
SEEDED_JOB_CODES = [job["code"] for job in SEED["job_roles"]]


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, whitespace collapsed."""
    assert response.status_code == 200
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def add_certification(code: str, name: str) -> None:
    """What an editor does in the admin: a certification with one group, option, condition."""
    cert = CertificationFactory(code=code, name=name, summary="Made by an editor.")
    group = RequirementGroupFactory(certification=cert, name="Character references")
    option = RequirementOptionFactory(group=group, name="Two people who know your work")
    ConditionFactory(option=option, kind="references", params={"count": 2})


# --- /certifications/ ---------------------------------------------------------------------


def test_the_certification_list_shows_every_certification_with_body_summary_and_renewal(
    client, seeded
):
    response = client.get("/certifications/")
    page = text_of(response)
    for cert in SEED["certifications"]:
        assert cert["name"] in page
        assert cert["summary"] in page
        assert f'href="/certifications/{cert["code"]}/"' in response.content.decode()
    assert "The Commission (formerly CCMC)" in page
    assert "American Nurses Credentialing Center" in page
    assert "Every 5 years, with 80 hours of continuing education" in page
    assert "Every 4 years, with 40 hours of continuing education" in page


def test_the_certification_list_explains_all_groups_and_any_one_option(client, seeded):
    page = text_of(client.get("/certifications/"))
    assert "You must meet every group" in page
    assert "Meeting any one option is enough" in page


def test_the_certification_list_marks_its_nav_link_as_the_current_page(client, seeded):
    content = client.get("/certifications/").content.decode()
    assert re.search(r'href="/certifications/"\s+aria-current="page"', content)


# --- /certifications/<code>/ --------------------------------------------------------------


def test_the_ccm_page_states_its_requirements_in_plain_language(client, seeded):
    page = text_of(client.get("/certifications/ccm/"))
    assert "Licence, credential or degree" in page
    assert "Any one of:" in page
    assert "under a supervisor who holds Board-Certified Case Manager (CCM)" in page
    assert "12 months under a CCM-certified supervisor" in page
    assert "At least 3 references" in page
    assert "Affirm good moral character" in page


def test_a_group_with_a_single_option_is_stated_directly(client, seeded):
    content = client.get("/certifications/ccm/").content.decode()
    conduct = content.split("Professional conduct", 1)[1].split("</li>", 1)[0]
    assert "Any one of" not in conduct
    assert "Clean professional record" in conduct
    assert "Affirm good moral character." in conduct


def test_the_ccm_page_shows_fees_exam_windows_and_renewal(client, seeded):
    page = text_of(client.get("/certifications/ccm/"))
    assert "$235 application fee (non-refundable) plus $195 exam fee" in page
    assert "$225 application fee" not in page  # the old fee, now only in a source's note
    assert "April, August and December" in page
    assert "Every 5 years" in page
    assert "80 hours per renewal cycle" in page
    assert "8 of them in ethics" in page and "Renewal fee $285" in page


def test_the_ccm_page_names_its_sources_with_confidence_and_verification_date(client, seeded):
    page = text_of(client.get("/certifications/ccm/"))
    assert "CCM Eligibility at a Glance" in page
    assert "Verified" in page and "last verified on 2 December 2026" in page
    assert "Secondary source" in page and "not verified" in page
    assert "How these rules differ from the sources" in page
    assert "supervised field placement" in page  # from the source notes
    assert "have not been verified on the certifying body's own page" not in page


def test_the_cmgt_bc_page_marks_its_rules_as_unverified(client, seeded):
    content = client.get("/certifications/cmgt-bc/").content.decode()
    page = text_of(client.get("/certifications/cmgt-bc/"))
    assert (
        "Some of these rules come from a secondary source and have not been verified "
        "on the certifying body's own page"
    ) in page
    assert "Unverified" in page and "confidence-unverified" in content
    assert "Nursing Case Management Certification (CMGT-BC)" in page
    assert "150 questions, 3 hours" in page


def test_the_acm_page_shows_its_application_note_with_the_condition_it_depends_on(client, seeded):
    page = text_of(client.get("/certifications/acm/"))
    assert "the application asks for your supervisor's contact details" in page
    assert "Applies while you have fewer than 4,160 hours" in page
    assert "in a health care delivery setting" in page
    assert "Two parts" in page  # exam
    assert "Every 4 years" in page and "40 hours per renewal cycle" in page


def test_a_certification_page_links_the_jobs_it_helps_with(client, seeded):
    content = client.get("/certifications/cmac/").content.decode()
    assert 'href="/jobs/health-insurance-case-manager/"' in content
    assert 'href="/jobs/case-management-leader/"' in content
    assert 'href="/jobs/prison-case-manager/"' not in content


def test_a_certification_page_calls_the_reader_to_check_their_eligibility(client, seeded):
    content = client.get("/certifications/ccm/").content.decode()
    assert 'href="/assess/"' in content
    assert "Check my eligibility" in content


def test_a_certification_page_has_one_h1_and_headings_in_order(client, seeded):
    for url in ("/certifications/", "/certifications/ccm/", "/jobs/", "/jobs/legal-case-manager/"):
        content = client.get(url).content.decode()
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", content)]
        assert levels.count(1) == 1, url
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), url
        assert "style=" not in content and "<script" not in content, url


def test_an_unknown_certification_code_is_not_found(client, seeded):
    assert client.get("/certifications/astronaut/").status_code == 404


# --- /jobs/ and /jobs/<code>/ -------------------------------------------------------------


def test_the_job_list_shows_all_eighteen_roles_with_onet_soc_codes(client, seeded):
    response = client.get("/jobs/")
    content = response.content.decode()
    page = text_of(response)
    assert len(SEEDED_JOB_CODES) == 18
    for job in SEED["job_roles"]:
        assert job["name"] in page
        assert f'href="/jobs/{job["code"]}/"' in content
    assert "29-1141.00" in page and "11-9111.00" in page
    assert 'href="https://www.onetonline.org/link/summary/29-1141.00"' in content
    assert "O*NET-SOC code" in page


def test_the_job_list_names_backgrounds_settings_and_helpful_certifications(client, seeded):
    content = client.get("/jobs/").content.decode()
    page = text_of(client.get("/jobs/"))
    assert "Licensed as a registered nurse (RN)" in page
    assert "A degree in social work or psychology" in page
    assert "Any bachelor's degree" in page  # legal and housing case managers
    assert "Experience as a case management supervisor or leader" in page
    assert "Law firm or legal services" in page
    assert 'href="/certifications/ccm/"' in content
    assert re.search(r'href="/jobs/"\s+aria-current="page"', content)


def test_a_job_page_shows_its_facts(client, seeded):
    page = text_of(client.get("/jobs/legal-case-manager/"))
    assert "Legal case manager" in page
    assert "23-2011.00" in page and "21-1022.00" in page
    assert "Any bachelor's degree" in page
    assert "Certified Case Manager (CCM)" in page
    assert "shown to people who hold or are nearing" not in page


def test_the_leadership_page_says_who_it_is_shown_to(client, seeded):
    page = text_of(client.get("/jobs/case-management-leader/"))
    assert (
        "shown to people who hold or are nearing Case Management Administrator Certification (CMAC)"
    ) in page
    assert "11-9111.00" in page


def test_an_unknown_job_code_is_not_found(client, seeded):
    assert client.get("/jobs/astronaut/").status_code == 404


# --- query budget and editor changes -------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/certifications/", "/certifications/ccm/", "/certifications/cmgt-bc/", "/jobs/",
     "/jobs/hospital-case-manager/", "/jobs/case-management-leader/"],
)  # fmt: skip
def test_each_catalog_page_runs_a_fixed_small_number_of_queries(
    client, seeded, url, django_assert_max_num_queries
):
    client.get(url)  # warm the snapshot cache
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url)
    assert response.status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_catalog(client, seeded):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    before = count("/certifications/"), count("/jobs/")
    for n in range(3):
        add_certification(f"extra-{n}", f"Extra Credential {n}")
    assert (count("/certifications/"), count("/jobs/")) == before


def test_a_certification_an_editor_adds_appears_without_code_change(client, seeded):
    client.get("/certifications/")  # the cached snapshot is warm before the edit
    add_certification("care-coordination", "Care Coordination Credential (CCC)")
    page = text_of(client.get("/certifications/"))
    assert "Care Coordination Credential (CCC)" in page
    detail = text_of(client.get("/certifications/care-coordination/"))
    assert "Character references" in detail
    assert "Two people who know your work" in detail
    assert "At least 2 references" in detail
    # No source recorded: the page must not present the rules as verified.
    assert "have not been verified on the certifying body's own page" in detail
