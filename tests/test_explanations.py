"""What the results say about each requirement: why hours do not count, a licence that has
expired, notes only for the route a person uses, whole numbers, plain words about the rules."""

import html
import re
from dataclasses import replace

import pytest
from django.conf import settings as django_settings
from hypothesis import HealthCheck, given, settings

from eligibility.engine import HORIZON_DAYS, evaluate, evaluate_condition
from eligibility.explain import _job, why_not
from eligibility.plans import PROFILE_SESSION_KEY
from eligibility.profile import parse_profile
from tests.conftest import NEW_QUESTIONS_NO
from tests.test_assessment_wizard import complete, entries
from tests.test_engine_properties import SNAPSHOT, profiles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]

AS_OF = "2026-11-23"  # the last 3 years: work since 24 November 2023 counts
HEALTH_CARE_DELIVERY = (
    "hospital",
    "clinic, practice or health system",
    "home health",
    "skilled nursing, rehab or long-term care",
    "behavioral health",
)


def job(role="case-manager", setting="hospital", start="2022-01-01", **changes) -> dict:
    return {
        "role": role,
        "setting": setting,
        "start": start,
        "end": None,
        "hours_per_week": 40,
        "paid": True,
        "supervised": True,
        "supervisor_credentials": [],
        "self_employed": False,
        **changes,
    }


def social_worker(*jobs: dict, **changes) -> dict:
    """A licensed social worker with an accredited BSW: ACM needs only her experience."""
    return {
        "as_of": AS_OF,
        "licenses": [{"type": "social-worker"}],
        "degrees": [{"level": "bachelor", "field": "social-work", "accredited": True}],
        "experience": list(jobs),
        "attestations": ["good-moral-character"],
        **changes,
    }


def nurse(*jobs: dict, **changes) -> dict:
    return {
        "as_of": AS_OF,
        "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
        "degrees": [{"level": "bachelor", "field": "nursing", "accredited": True}],
        "experience": list(jobs),
        "education": [{"topic": "nursing-case-management", "hours": 30, "completed": "2025-06-01"}],
        "attestations": ["good-moral-character"],
        **changes,
    }


def words(markup: str) -> str:
    """Markup as a reader sees it: tags dropped, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def results_page(client, profile: dict) -> str:
    """The results page of a profile the wizard stored in the session."""
    session = client.session
    session[PROFILE_SESSION_KEY] = profile
    session.save()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = session.session_key
    response = client.get("/assess/results/")
    assert response.status_code == 200
    return response.content.decode()


def card(page: str, code: str) -> str:
    """The words of one certification's card."""
    start = page.index(f'aria-labelledby="cert-{code}"')
    return words(page[start : page.index("</article>", start)])


def between(text: str, start: str, end: str) -> str:
    """The part of `text` from `start` up to `end` (or the end of the text)."""
    begin = text.index(start)
    stop = text.find(end, begin + len(start))
    return text[begin : stop if stop != -1 else None]


# --- 9. why hours do not count -------------------------------------------------------------


def test_a_social_worker_in_a_community_agency_is_told_it_is_not_a_health_care_setting(client):
    work = {
        "role": "case-manager", "setting": "community", "start": "2024-01-01", "ongoing": "on",
        "hours_per_week": "40", "paid": "on", "supervised": "on",
    }  # fmt: skip
    answers = {
        "licences": entries("licences", {"type": "social-worker", "active": "on",
                                         "good_standing": "on"}),
        "education": entries("education", {"level": "bachelor", "field": "social-work",
                                           "accredited": "on"}),
        "work": entries("work", work),
        "training": entries("training"),
        "about": {"about-references": "0", "about-attest_good-moral-character": "yes",
                  "about-attest_nasw-code-of-ethics": "no",  # asked of social workers
                  **NEW_QUESTIONS_NO},
    }  # fmt: skip
    acm = card(complete(client, answers).content.decode(), "acm")
    assert "0 of 2,080 hours" in acm
    why = between(acm, "Your work as a case manager", ".")
    assert "community or social services agency" in why
    assert "does not count" in why
    assert "health care delivery setting" in why
    reason = between(acm, "Your work as a case manager", "Your path")
    for setting in HEALTH_CARE_DELIVERY:
        assert setting in reason.lower(), setting


def test_unpaid_work_is_named_as_the_reason_it_does_not_count(client):
    acm = card(results_page(client, social_worker(job(paid=False))), "acm")
    why = between(acm, "Your work as a case manager (hospital", "Your path")
    assert "does not count" in why and "it was unpaid" in why


def test_unsupervised_work_is_named_as_the_reason_it_does_not_count(client):
    acm = card(results_page(client, social_worker(job(supervised=False))), "acm")
    why = between(acm, "Your work as a case manager (hospital", "Your path")
    assert "does not count" in why and "it was not supervised" in why


def test_self_employed_work_is_named_where_self_employment_matters(client):
    own_practice = job(setting="community", supervised=False, self_employed=True)
    page = results_page(client, social_worker(own_practice))
    ccm = card(page, "ccm")
    assert "You marked your work as a case manager (community or social services agency" in ccm
    assert "as self-employed" in ccm
    acm = card(page, "acm")
    assert "it was self-employed, without a supervisor" in acm


def test_work_outside_the_window_is_dated_as_too_old(client):
    old = job("nurse-case-manager", start="2015-01-01", end="2022-06-30")
    cmgt = card(results_page(client, nurse(old)), "cmgt-bc")
    why = between(cmgt, "Your work as a nurse case manager", "Your path")
    assert "it ended on 30 June 2022" in why
    assert "only work since 24 November 2023 counts" in why


def test_work_in_another_role_is_named_with_the_roles_that_count(client):
    acm = card(results_page(client, social_worker(job("social-worker"))), "acm")
    why = between(acm, "Your work as a social worker", "Your path")
    assert "does not count" in why
    assert "only work as a nurse case manager or a case manager counts" in why


def test_hours_that_count_are_not_explained_away(client):
    acm = card(results_page(client, social_worker(job(start="2026-06-01"))), "acm")
    assert "does not count" not in acm  # the job counts; it is only too short yet


# --- 10. an expired licence ticked as active -----------------------------------------------


def test_an_expired_licence_ticked_active_is_named_with_its_date_in_the_results(client):
    expired = {"type": "rn", "active": True, "good_standing": True, "expires": "2025-03-03"}
    page = results_page(client, nurse(job("nurse-case-manager"), licenses=[expired]))
    cmgt = card(page, "cmgt-bc")
    assert "Your registered nurse (RN) licence expired on 3 March 2025" in cmgt
    assert "renew it before you apply" in cmgt


def test_a_licence_not_active_is_named_in_the_results(client):
    lapsed = {"type": "rn", "active": False, "good_standing": True, "expires": None}
    page = results_page(client, nurse(job("nurse-case-manager"), licenses=[lapsed]))
    cmgt = card(page, "cmgt-bc")
    assert "Your registered nurse (RN) licence is not active" in cmgt


# --- 12. notes only for the route a person uses --------------------------------------------


def when_you_apply(card_words: str) -> str:
    return between(card_words, "When you apply", "Sources for these rules")


def test_a_licensed_nurse_on_the_24_month_route_sees_no_notes_of_other_routes(client):
    ccm = card(results_page(client, nurse(job("nurse-case-manager", start="2021-01-01"))), "ccm")
    assert "Eligible now" in ccm
    notes = when_you_apply(ccm) if "When you apply" in ccm else ""
    assert "12-months-under-a-CCM" not in notes
    assert "Applying on your degree" not in notes


def test_a_case_manager_on_the_ccm_supervised_route_and_her_degree_sees_those_notes(client):
    supervised = job(start="2025-06-01", supervisor_credentials=["ccm"])
    profile = social_worker(supervised, licenses=[])
    notes = when_you_apply(card(results_page(client, profile), "ccm"))
    assert "12-months-under-a-CCM" in notes
    assert "Applying on your degree" in notes


# --- 13. wording ---------------------------------------------------------------------------


def test_hours_are_whole_numbers_that_add_up(client):
    # 731 days at 40 hours a week = 4,177.1 hours; CMAC's master's route asks for 6,240.
    master = {"level": "master", "field": "social-work", "accredited": True}
    profile = social_worker(job(start="2024-11-23"), degrees=[master])
    cmac = card(results_page(client, profile), "cmac")
    assert "4,177 of 6,240 hours: 2,063 more" in cmac
    assert not re.search(r"\d,\d{3}\.\d", cmac), "hours with a decimal"


def test_months_are_said_without_a_trailing_zero(client):
    # 789 days = 4,508.6 hours; 1,731.4 more is 9.99 full-time months.
    master = {"level": "master", "field": "social-work", "accredited": True}
    page = results_page(client, social_worker(job(start="2024-09-26"), degrees=[master]))
    text = words(page)
    assert "about 10 months full time" in text
    assert not re.search(r"\d\.0 (months|weeks|years)", text)


def test_a_certification_page_says_when_a_note_applies_without_a_double_negative(client):
    response = client.get("/certifications/ccm/")
    assert response.status_code == 200
    page = words(response.content.decode())
    assert "Your case management work was not self-employed" not in between(
        page, "When you apply", "Where these rules come from"
    )
    assert not re.search(r"unless:? [^.]*\bnot\b", page, re.IGNORECASE)
    assert "Applies if your case management work was self-employed." in page


def test_the_acm_page_says_the_supervisor_note_applies_under_4160_hours(client):
    page = words(client.get("/certifications/acm/").content.decode())
    assert "Applies while you have fewer than 4,160 hours (2 years full time)" in page


def test_the_results_say_when_the_rules_were_last_checked_in_words(client):
    page = results_page(client, nurse(job("nurse-case-manager")))
    text = words(page)
    assert "Rules version" not in text
    assert not re.search(r"\b[0-9a-f]{12}\b", text), "a version id in the text"
    assert "Rules last checked with the certifying bodies on 2 December 2026." in text
    assert re.search(r'title="Rules version [0-9a-f]{12}"', page)


# --- the reasons agree with the engine -----------------------------------------------------


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_the_jobs_said_not_to_count_are_exactly_those_the_engine_leaves_out(profile):
    """A job the results say "does not count" adds no hour on any day; a job of a listed role
    that has started and is not named so adds hours today."""
    snap = SNAPSHOT
    person = parse_profile(profile, snap)
    lo, hi = person.as_of, person.as_of + HORIZON_DAYS
    for result in evaluate(person, snap):
        for group in result.groups:
            for option in group.options:
                for c in option.conditions:
                    if c.condition.kind != "experience" or c.met:
                        continue
                    lines = why_not(c)
                    none_count = any(line.startswith("None of your jobs") for line in lines)
                    for i, entry in enumerate(person.experience):
                        job = _job(entry, snap, person.as_of)
                        if [_job(e, snap, person.as_of) for e in person.experience].count(job) > 1:
                            continue  # two jobs read alike (one unpaid, say): which line is whose
                        said = none_count or any(
                            line.startswith(f"{job[:1].upper()}{job[1:]} does not count")
                            for line in lines
                        )
                        others = person.experience[:i] + person.experience[i + 1 :]
                        without = evaluate_condition(
                            c.condition, replace(person, experience=others), lo, hi
                        )
                        if said:
                            assert (without.have, without.days) == (c.have, c.days), job
                        elif entry.role in c.condition.codes and entry.start <= lo:
                            assert without.have < c.have, (job, lines)


def test_an_advisors_client_list_keeps_one_line_of_what_is_missing(catalog):
    from advising.summaries import summarise

    person = parse_profile(social_worker(job(setting="community")), catalog)
    detail = summarise(evaluate(person, catalog))["acm"]["detail"]
    assert detail == "0 of 2,080 hours: 2,080 more (12 months full time)"


def test_every_kind_of_condition_says_when_a_note_applies_in_its_own_words(catalog):
    from eligibility.explain import applies_when

    seen = {}
    for cert in catalog.certifications:
        for group in cert.groups:
            for option in group.options:
                for cond in option.conditions:
                    seen.setdefault(cond.kind, applies_when(cond))
    assert set(seen) == {
        "licence", "degree", "credential", "experience", "education", "references",
        "not-self-employed", "attestation", "not-eligible-for",
    }  # fmt: skip
    for kind, words_ in seen.items():
        assert not words_.startswith("unless"), (kind, words_)
        assert words_.count(" not ") + words_.count(" no ") <= 1, (kind, words_)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_a_job_that_ended_before_the_degree_is_said_not_to_count_once_not_twice(client):
    msw = {
        "as_of": "2026-12-01",
        "licenses": [{"type": "social-worker"}],
        "degrees": [{"level": "master", "field": "social-work", "completed": "2022-06-01"}],
        "experience": [
            {"role": "case-manager", "setting": "community", "start": "2018-01-01",
             "end": "2021-12-31", "hours_per_week": 40},
            {"role": "case-manager", "setting": "community", "start": "2025-06-01",
             "hours_per_week": 20},
        ],
        "attestations": ["nasw-code-of-ethics"],
    }  # fmt: skip
    said = card(results_page(client, msw), "c-aswcm")
    assert "ended before you completed your degree on 1 June 2022" in said
    assert said.lower().count("hours before your degree do not count") == 1
