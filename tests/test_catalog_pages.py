"""The public catalog pages: /certifications/, /certifications/<code>/, /jobs/, /jobs/<code>/."""

import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eligibility import models as m
from eligibility.snapshot import SEED_PATH
from tests.factories import (
    CertificationFactory,
    CertifyingBodyFactory,
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


def add_certification(code: str, name: str, **fields) -> m.Certification:
    """What an editor does in the admin: a certification with one group, option, condition."""
    cert = CertificationFactory(code=code, name=name, summary="Made by an editor.", **fields)
    group = RequirementGroupFactory(certification=cert, name="Character references")
    option = RequirementOptionFactory(group=group, name="Two people who know your work")
    ConditionFactory(option=option, kind="references", params={"count": 2})
    return cert


def fact_of(content: str, label: str) -> str:
    """The text of one fact of a certification page: its <dd>, citation included."""
    after = content.split(f"<dt>{label}</dt>", 1)[1]
    dd = after.split("</dd>", 1)[0]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", dd)))


def job_names_in_order(content: str) -> list[str]:
    return re.findall(r'<h2><a href="/jobs/[^"]+/">([^<]+)</a></h2>', content)


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


def test_the_job_list_shows_all_nineteen_roles_with_onet_soc_codes(client, seeded):
    response = client.get("/jobs/")
    content = response.content.decode()
    page = text_of(response)
    assert len(SEEDED_JOB_CODES) == 19  # the article's 17, disability management, leadership
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


# --- each fact cited on its own (issue #16, item 4) ------------------------------------------


def test_a_verified_rules_page_does_not_make_secondary_fees_look_verified(client, seeded):
    body = CertifyingBodyFactory(code="board", name="The Board", url="https://board.example.org")
    rules = m.Source.objects.create(
        code="board-rules", title="Eligibility", url="https://www.board.example.org/eligibility",
        confidence="verified", verified_on="2026-12-02",
    )  # fmt: skip
    blog = m.Source.objects.create(
        code="prep-blog", title="Exam prep blog", url="https://prep.example.com/fees",
        confidence="secondary", accessed_on="2025-03-01",
    )  # fmt: skip
    cert = add_certification(
        "board-cert", "Board Credential (BC)", body=body, fees="$300", fees_source=blog,
        exam="100 questions", exam_windows="June",
    )  # fmt: skip
    cert.sources.set([rules])
    content = client.get("/certifications/board-cert/").content.decode()
    fees = fact_of(content, "Fees")
    assert "$300" in fees
    assert "Secondary source" in fees and "Verified" not in fees
    assert "Exam prep blog" in fees and "checked on 1 March 2025" in fees
    exam = fact_of(content, "Exam")  # no source recorded for it: never shown as verified
    assert "Unverified" in exam and "No source is recorded for the exam" in exam
    assert "Verified" in text_of(client.get("/certifications/board-cert/"))  # the rules' source


def test_the_ccm_page_shows_each_fact_with_its_own_source_confidence_and_date(client, seeded):
    content = client.get("/certifications/ccm/").content.decode()
    fees = fact_of(content, "Fees")
    assert "Verified" in fees and "Board-Certified Case Manager: FAQs" in fees
    assert "checked on 2 December 2026" in fees
    exam = fact_of(content, "Exam")
    assert "Secondary source" in exam and "Verified" not in exam  # from a test-prep page
    assert "Verified" in fact_of(content, "Exam windows")
    renewal = content.split('id="renewal-heading"', 1)[1].split("</section>", 1)[0]
    assert "Stay Certified" in renewal and "confidence-verified" in renewal


def test_the_cmgt_bc_facts_come_from_secondary_pages_and_say_so(client, seeded):
    content = client.get("/certifications/cmgt-bc/").content.decode()
    for label in ("Exam", "Fees"):
        fact = fact_of(content, label)
        assert "Secondary source" in fact and "Verified" not in fact, label
    assert "About $395" in fact_of(content, "Fees")
    assert "No source is recorded" not in fact_of(content, "Fees")


def test_a_fact_not_found_is_left_empty_and_says_to_ask_the_body(client, seeded):
    content = client.get("/certifications/acm/").content.decode()
    fees = fact_of(content, "Fees")
    assert "Not listed here; ask the American Case Management Association" in fees
    assert "confidence" not in content.split("<dt>Fees</dt>", 1)[1].split("</dd>", 1)[0]


# --- who each certification is for, by body (item 6) ---------------------------------------


def test_the_certification_list_groups_by_body_and_says_who_each_is_for(client, seeded):
    content = client.get("/certifications/").content.decode()
    bodies = re.findall(r'<h3 id="body-([a-z0-9-]+)">', content)
    assert bodies == ["ccmc", "acma", "ancc", "abmcn", "nasw", "crcc", "naccm"]
    acma = content.split('id="body-acma"', 1)[1].split('id="body-ancc"', 1)[0]
    assert "Accredited Case Manager (ACM)" in acma and "(CMAC)" in acma
    assert "Board-Certified" not in acma
    page = text_of(client.get("/certifications/"))
    assert "For Nurses and social workers in hospitals and health systems" in page
    assert "For Registered nurses" in page
    assert "For Social workers with a master's degree in social work" in page
    commission = content.split('id="body-ccmc"', 1)[1].split('id="body-acma"', 1)[0]
    assert "(CCM)" in commission and "(CDMS)" in commission
    assert 'href="https://www.yourcommission.org"' in content


def test_each_certification_page_links_to_the_bodys_own_site(client, seeded):
    for code, url in (("ccm", "https://www.yourcommission.org"), ("acm", "https://www.acmaweb.org"),
                      ("cmgt-bc", "https://www.nursingworld.org/our-certifications/")):  # fmt: skip
        content = client.get(f"/certifications/{code}/").content.decode()
        assert f'<a href="{url}">' in content and "own site</a> has the current rules" in content


# --- wages on /jobs/ (item 5) --------------------------------------------------------------


def test_the_jobs_sorted_by_wage_put_the_highest_median_first_and_say_where_figures_come_from(
    client, seeded
):
    response = client.get("/jobs/?sort=wage")
    content = response.content.decode()
    names = job_names_in_order(content)
    assert names[0] == "Case management leader / director"  # 11-9111: $104,830
    page = text_of(response)
    assert "median $104,830 a year (May 2022)" in page
    assert "Occupational Employment and Wage Statistics (OEWS)" in page
    assert "US Bureau of Labor Statistics" in page
    # Jobs whose occupations have no figure come last (21-1092 was not confirmed).
    assert names.index("Prison case manager") > names.index("Housing case manager")
    medians = []
    for name in names:
        card = content.split(f">{name}</a></h2>", 1)[1].split('<li class="card">', 1)[0]
        found = [int(x.replace(",", "")) for x in re.findall(r"median \$([\d,]+) a year", card)]
        medians.append(max(found) if found else None)
    known = [x for x in medians if x is not None]
    assert known == sorted(known, reverse=True)
    assert medians[len(known) :] == [None] * (len(medians) - len(known))


def test_the_job_list_marks_secondary_wage_figures_and_leaves_missing_ones_empty(client, seeded):
    content = client.get("/jobs/").content.decode()
    page = text_of(client.get("/jobs/"))
    assert (
        "Healthcare social workers (21-1022): median $67,880 a year, 187,630 employed (May 2025)"
        in page
    )
    card = content.split(">Prison case manager</a></h2>", 1)[1].split('<li class="card">', 1)[0]
    # No figure: said once in words, not also as a badge for a source there is none of.
    assert "no confirmed median wage" in card and "Not found" not in card
    clinical = content.split(">Clinical case manager</a></h2>", 1)[1].split('<li class="card">', 1)[
        0
    ]
    assert "confidence-secondary" in clinical
    # 21-1029 had no row until BLS's own May 2019 page was found (tests/test_job_pages.py has
    # an occupation without one).
    assert "Social workers, all other (21-1029): median $61,230 a year, 58,410 employed" in page


def test_the_sort_is_a_plain_link_that_says_which_order_is_shown(client, seeded):
    content = client.get("/jobs/").content.decode()
    assert '<nav class="sort" aria-label="Sort the jobs">' in content
    assert '<a href="/jobs/?sort=wage">Median wage, highest first</a>' in content
    assert '<a href="/jobs/" aria-current="true">Catalog order</a>' in content
    assert job_names_in_order(content) == [j["name"] for j in SEED["job_roles"]]
    sorted_page = client.get("/jobs/?sort=wage").content.decode()
    assert '<a href="/jobs/?sort=wage" aria-current="true">' in sorted_page
    assert job_names_in_order(client.get("/jobs/?sort=colour").content.decode()) == [
        j["name"] for j in SEED["job_roles"]
    ]  # an unknown sort is the catalog order


def test_payer_case_managers_are_paid_as_registered_nurses_not_claims_adjusters(client, seeded):
    page = text_of(client.get("/jobs/health-insurance-case-manager/"))
    assert "Registered nurses (29-1141): median $81,220 a year (May 2022)" in page
    assert "13-1031.00" not in page  # named only in the note on why
    assert "mostly registered nurses" in page


@pytest.mark.parametrize("url", ["/certifications/", "/jobs/", "/jobs/?sort=wage"])
def test_the_list_pages_run_the_same_queries_after_the_catalog_grows(
    client, seeded, url, django_assert_num_queries
):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    before = len(queries)  # now: the context reads the connection's log lazily
    for n in range(3):
        add_certification(f"more-{n}", f"More Credential {n}")
        m.SocWage.objects.create(code=f"99-000{n}", title=f"Occupation {n}", median_annual_wage=n)
    client.get(url)  # the snapshot is rebuilt once after the edit
    with django_assert_num_queries(before):
        assert client.get(url).status_code == 200
