"""The job pages after issue #16 item 5: the disability management / return-to-work job with
its wages, the newer certifications on the jobs they help with, and who sees leadership."""

import html
import re

import pytest

from eligibility import models as m

pytestmark = pytest.mark.django_db

RTW = "Disability management / return-to-work case manager"


def text(content: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", content)))


def card(content: str, name: str) -> str:
    """One job's card on /jobs/, as text."""
    return text(content.split(f">{name}</a></h2>", 1)[1].split('<li class="card">', 1)[0])


# A warm page asks the database one thing: whether the catalog changed (its revision token);
# the rest comes from the cached snapshot, however many jobs and wages it holds.
WARM_QUERIES = 1


def test_the_job_list_shows_return_to_work_with_each_wage_its_period_and_source(
    client, seeded, django_assert_num_queries
):
    client.get("/jobs/")  # warm the snapshot cache
    with django_assert_num_queries(WARM_QUERIES):
        response = client.get("/jobs/")
    content = response.content.decode()
    rtw = card(content, RTW)
    assert "Helps people off work through illness or injury" in rtw
    assert (
        "Rehabilitation counselors (21-1015): median $39,990 a year, 82,420 employed (May 2022)"
    ) in rtw
    assert "Claims adjusters, examiners and investigators (13-1031): median $75,050 a year" in rtw
    assert "(May 2023)" in rtw
    assert "Registered nurses (29-1141): median $81,220 a year (May 2022)" in rtw
    assert "OEWS May 2022: 21-1015 Rehabilitation Counselors" in rtw  # the source, named
    assert "Verified (BLS)" in rtw and "US Bureau of Labor Statistics" in rtw
    section = content.split(f">{RTW}</a></h2>", 1)[1].split('<li class="card">', 1)[0]
    assert 'href="https://www.bls.gov/oes/2022/may/oes211015.htm"' in section
    assert "No single occupation code fits" in rtw
    assert "Experience as a disability or return-to-work manager" in rtw
    assert "Employer's own absence, disability or occupational health programme" in rtw
    assert 'href="/certifications/cdms/"' in section and 'href="/certifications/ccm/"' in section


def test_sorted_by_wage_the_return_to_work_job_ranks_by_its_highest_median(
    client, seeded, django_assert_num_queries
):
    client.get("/jobs/?sort=wage")
    with django_assert_num_queries(WARM_QUERIES):
        content = client.get("/jobs/?sort=wage").content.decode()
    names = re.findall(r'<h2><a href="/jobs/[^"]+/">([^<]+)</a></h2>', content)
    # $81,220 (registered nurses), below leadership ($104,830), above the social-work jobs.
    assert names.index("Case management leader / director") < names.index(RTW)
    assert names.index(RTW) < names.index("Child case manager")


def test_the_return_to_work_job_page_names_its_backgrounds_and_certifications(client, seeded):
    page = text(client.get("/jobs/disability-management-case-manager/").content.decode())
    assert RTW in page
    assert "Licensed as a professional counselor" in page
    assert "A degree in counseling, rehabilitation or rehabilitation counseling" in page
    assert "or return-to-work manager or a rehabilitation counselor" in page
    assert "Certified Disability Management Specialist (CDMS)" in page
    assert "shown to people who hold or are nearing" not in page  # open to anyone who fits


def test_the_newer_certifications_link_the_jobs_they_help_with(client, seeded):
    cdms = text(client.get("/certifications/cdms/").content.decode())
    assert RTW in cdms
    c_swcm = client.get("/certifications/c-swcm/").content.decode()
    for code in ("child-case-manager", "housing-case-manager", "homeless-shelter-case-manager",
                 "mental-health-case-manager", "geriatric-case-manager",
                 "developmental-disability-case-manager"):  # fmt: skip
        assert f'href="/jobs/{code}/"' in c_swcm, code
    assert 'href="/jobs/hospital-case-manager/"' not in c_swcm
    cmcn = client.get("/certifications/cmcn/").content.decode()
    for code in ("health-insurance-case-manager", "nursing-case-manager"):
        assert f'href="/jobs/{code}/"' in cmcn, code


def test_an_occupation_without_a_wage_row_says_no_figure_was_found(client, seeded):
    client.get("/jobs/homeless-shelter-case-manager/")
    m.SocWage.objects.filter(code="21-1029").delete()
    page = text(client.get("/jobs/homeless-shelter-case-manager/").content.decode())
    assert "21-1029.00: no figure found" in page
    assert "Social and human service assistants (21-1093)" in page  # the other still shown


def test_legal_case_managers_show_the_nurses_pay_beside_the_paralegals(client, seeded):
    page = text(client.get("/jobs/legal-case-manager/").content.decode())
    assert "Paralegals and legal assistants (23-2011)" in page
    assert "Registered nurses (29-1141): median $81,220 a year (May 2022)" in page
    assert "registered nurses (29-1141) for nurse legal case managers" in page


def test_the_leadership_page_says_it_is_also_shown_one_certification_away(client, seeded):
    page = text(client.get("/jobs/case-management-leader/").content.decode())
    assert "or who are one certification away from it" in page
    assert "whose background fits it and who hold or can sit for a certification that helps" in page
