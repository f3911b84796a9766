"""Durations and first steps in words a person plans with."""

import pytest

from eligibility.explain import duration


@pytest.mark.parametrize(
    ("hours", "words"),
    [
        (2080, "12 months full time"),
        (1500, "about 9 months full time"),
        (2223, "about 13 months full time"),
        (6240, "3 years full time"),
        (173.3, "about 1 month full time"),
        (60, "about 2 weeks full time"),
        (10, "less than a week full time"),
    ],
)
def test_durations_are_whole_months_or_weeks(hours, words):
    assert duration(hours) == words


def test_a_no_to_the_record_question_is_not_answered_with_say_yes(assess):
    from tests.conftest import SPEC_EXAMPLE

    profile = {**SPEC_EXAMPLE, "attestations": []}
    results = assess(profile)
    text = str(results)
    assert "a yes to the question" not in text
    assert "good moral character, which the certifying body checks" in text


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
def test_a_certification_whose_rules_are_unverified_says_so_on_its_card(client):
    from eligibility.plans import PROFILE_SESSION_KEY
    from tests.conftest import SPEC_EXAMPLE

    session = client.session
    session[PROFILE_SESSION_KEY] = {k: v for k, v in SPEC_EXAMPLE.items() if k != "as_of"}
    session.save()
    page = client.get("/assess/results/").content.decode()
    # CMGT-BC's and CCCTM's sources are secondary copies (CATALOG-FACTS.md); CCM's are
    # verified.
    assert page.count('class="unverified"') == 2
    ccctm = page.index('aria-labelledby="cert-ccctm"')
    assert page.index('class="unverified"', ccctm) < page.index("<h4>Why</h4>", ccctm)
    start = page.index('aria-labelledby="cert-cmgt-bc"')
    assert page.index('class="unverified"', start) < page.index("<h4>Why</h4>", start)


def test_no_step_of_a_plan_ends_with_two_full_stops(assess):
    """The apply step quotes the catalog's exam text, which may end its own sentence (ACM's
    "… by PSI remote proctoring.")."""
    from tests.conftest import SPEC_EXAMPLE

    social_worker = {
        **SPEC_EXAMPLE,
        "licenses": [{"type": "clinical-social-worker"}],
        "degrees": [{"level": "master", "field": "social-work"}],
    }
    for profile in (SPEC_EXAMPLE, social_worker):
        steps = [s["text"] for r in assess(profile)["results"] for s in r["next_steps"]]
        assert steps and not [text for text in steps if ".." in text]
