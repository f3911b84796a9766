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
    assert "review of your record" in text
