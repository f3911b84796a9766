"""Plain-language words and sentences about rules and results: dates, numbers, names, what a
condition asks, what is missing.

Everything a nurse reads about a rule is generated from the rule's data (here, in the kinds'
modules, path.py, jobfit.py and document.py), so an editor's change is explained without code.
No Django import.
"""

import datetime as dt
from functools import lru_cache

from . import kinds
from .engine import CertificationResult, ConditionResult
from .kinds.experience import job as _job  # noqa: F401 (tests name the person's jobs with it)
from .kinds.words import (  # noqa: F401 (re-exported: the wording's one home for callers)
    FULL_TIME_MONTH,
    FULL_TIME_YEAR,
    a_or_an,
    capital,
    duration,
    either,
    long_date,
    lower_first,
    names_in,
    number,
)
from .snapshot import Condition, Snapshot


@lru_cache(maxsize=8192)
def iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def short_date(day: dt.date) -> str:
    """25 Nov 2026: dates in lists and chips, where the month's full name is too long."""
    return f"{day.day} {day:%b %Y}"


def describe_condition(cond: Condition, snap: Snapshot) -> str:
    """The requirement in one sentence, e.g. "At least 2,080 hours (12 months full time) of
    paid, supervised work as a case manager or nurse case manager in a hospital or …"; each
    kind's module words its own."""
    return kinds.get(cond.kind).describe(cond, snap)


def applies_when(cond: Condition) -> str:
    """When an application note applies that is shown unless `cond` holds, to follow
    "Applies": "while you have fewer than 4,160 hours (…) of …", "if your case management work
    was self-employed" (never "unless … not"). Each kind words its own from its sentence."""
    return kinds.get(cond.kind).applies_when(cond)


def when_you_can_sit(result: CertificationResult) -> str:
    """When a person can sit for a certification: "now" or "from 30 May 2027"."""
    return "now" if result.status == "eligible" else f"from {long_date(result.eligible_on)}"


def gap(result: ConditionResult) -> str | None:
    """What is missing and why, one line each: the numbers ("1,240 of 2,080 hours: 840 more
    (about 4.8 months full time)"), then a line for each of the person's entries that does not
    count and why ("Your work as a case manager (…) does not count: it was unpaid."). None when
    the condition holds or there is nothing to say. Hours are whole: what is had rounds down
    and what is missing up, so that the two add up to what is needed."""
    cond = result.condition
    kind = kinds.KINDS[cond.kind]
    if result.met or not kind.explains:
        return None
    numbers = kind.shortfall(result)
    lines = [numbers] if numbers else []
    if result.profile is not None and result.snapshot is not None:  # as why_not does
        lines.extend(kind.why_not(cond, result.profile, result.snapshot))
    return "\n".join(lines) or None


def why_not(result: ConditionResult) -> list[str]:
    """Sentences about the person's own entries that did not meet an unmet condition: work
    that does not count (role, setting, unpaid, unsupervised, supervisor, outside the window),
    a licence that has expired or is not active, self-employment. Each kind's module repeats
    its own evaluation's filters over the profile it was asked about; nothing when the result
    does not record that (engine.evaluate_certification)."""
    if result.met or result.profile is None or result.snapshot is None:
        return []
    cond = result.condition
    return kinds.get(cond.kind).why_not(cond, result.profile, result.snapshot)
