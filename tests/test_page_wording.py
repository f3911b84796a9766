"""Words and order on the public pages that read wrong on a walk through them (issue 16):
the routes of a requirement said as alternatives, a body's name in the possessive, and the
error summary first in the step's content with the focus on it."""

import html

import pytest
from django.template import Context, Template

from tests.test_assessment_wizard import MANAGEMENT
from tests.test_explanations import between, card, results_page, words

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

SELF_EMPLOYED_NURSE = {
    "as_of": "2026-12-02",
    "licenses": [{"type": "rn"}],
    "experience": [{"role": "case-manager", "setting": "hospital", "start": "2026-04-02",
                    "end": None, "hours_per_week": 40, "self_employed": True}],
    "attestations": ["good-moral-character"],
}  # fmt: skip


def ccm_card(client) -> str:
    """The CCM's card in words ("Employed, or references if self-employed: …", the tags'
    spaces before a colon gone)."""
    return card(results_page(client, SELF_EMPLOYED_NURSE), "ccm").replace(" :", ":")


def test_the_ccm_self_employment_requirement_says_its_routes_are_alternatives(client):
    ccm = ccm_card(client)
    group = between(
        ccm, "Employed, or references if self-employed: not met yet", "Professional conduct"
    )
    # "Three references" is another way to meet the requirement, not a part of
    # self-employment: the routes follow "Any one of these is enough", as on the CCM's page.
    assert group.startswith(
        "Employed, or references if self-employed: not met yet Any one of these is enough: "
    )
    assert group.index("Employed by an organisation") < group.index("Three references")


def test_a_requirement_with_one_route_is_not_said_to_have_alternatives(client):
    ccm = ccm_card(client)
    assert "Professional conduct: met" in ccm
    assert between(ccm, "Professional conduct", "Your path").count("Any one of") == 0


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("National Association of Social Workers", "National Association of Social Workers'"),
        ("American Nurses Credentialing Center", "American Nurses Credentialing Center's"),
        ("The Commission (formerly CCMC)", "The Commission (formerly CCMC)'s"),
    ],
)
def test_a_bodys_name_takes_the_possessive_its_last_letter_asks_for(name, said):
    template = Template("{% load wording %}{{ name|possessive }}")
    assert html.unescape(template.render(Context({"name": name}))) == said


def test_the_nasw_credentials_link_to_national_association_of_social_workers_own_site(client):
    for path in ("/certifications/c-aswcm/", "/certifications/"):
        page = words(client.get(path).content.decode())
        assert "The National Association of Social Workers' own site" in page, path
        assert "Workers's" not in page, path


def test_a_failed_step_opens_with_the_error_summary_first_and_focused(client):
    client.get("/assess/work/")
    data = {MANAGEMENT: "work", "work-entries-TOTAL_FORMS": "1",
            "work-entries-INITIAL_FORMS": "0", "work-entries-0-role": "case-manager",
            "work-entries-0-setting": "hospital", "work-entries-0-start": "2024-05-01",
            "work-entries-0-end": "2023-05-01", "work-entries-0-hours_per_week": "40"}  # fmt: skip
    page = client.post("/assess/work/", data).content.decode()
    main = page[page.index('<main id="main"') :]
    # The first element of the main content is the summary, which takes the focus without
    # a script (autofocus), and its links lead to the fields.
    first = main[main.index(">") + 1 :].lstrip()
    assert first.startswith('<div class="error-summary"'), first[:200]
    tag = first[: first.index(">")]
    assert "autofocus" in tag and 'tabindex="-1"' in tag
    assert 'href="#id_work-entries-0-end"' in first[: first.index("</div>")]


DISABILITY_MANAGER = {
    "as_of": "2026-12-02",
    "degrees": [{"level": "bachelor", "field": "business"}],
    "experience": [{"role": "disability-manager", "setting": "employer", "start": "2026-04-02",
                    "end": None, "hours_per_week": 40}],
    "attestations": ["good-moral-character", "cdms-practice-domains"],
}  # fmt: skip


def test_what_is_missing_is_followed_by_its_date_without_a_second_bracket(client):
    cdms = card(results_page(client, DISABILITY_MANAGER), "cdms").replace(" ;", ";")
    assert (
        "1,400 of 2,080 hours: 680 more (about 4 months full time); you meet it from "
        "31 March 2027" in cdms
    )
    assert ") (from" not in cdms


def test_a_bodys_name_inside_a_sentence_takes_its_article(client):
    social_worker = {
        "as_of": "2026-12-02",
        "licenses": [{"type": "social-worker"}],
        "degrees": [{"level": "master", "field": "social-work"}],
        "attestations": ["good-moral-character", "nasw-code-of-ethics"],
    }
    aswcm = card(results_page(client, social_worker), "c-aswcm")
    assert (
        "These rules could not be checked on the National Association of Social Workers' own "
        "pages: confirm them with the National Association of Social Workers before you "
        "apply." in aswcm
    )
    detail = words(client.get("/certifications/c-aswcm/").content.decode())
    assert "Confirm them with the National Association of Social Workers before you apply." in (
        detail
    )
    assert "Awarded by the National Association of Social Workers" in detail
    assert "Not listed here; ask the National Association of Social Workers" in detail
    # A name with its own article keeps it, once.
    cdms = words(client.get("/certifications/cdms/").content.decode())
    assert "Awarded by The Commission (formerly CCMC)" in cdms
    assert "the The" not in cdms


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("National Association of Social Workers", "the National Association of Social Workers"),
        ("The Commission (formerly CCMC)", "The Commission (formerly CCMC)"),
    ],
)
def test_a_bodys_name_takes_the_article_unless_it_has_one(name, said):
    template = Template("{% load wording %}{{ name|the }}")
    assert template.render(Context({"name": name})) == said
