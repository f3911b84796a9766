"""Plain-language words and sentences about rules and results: dates, numbers, names, what a
condition asks, what is missing.

Everything a nurse reads about a rule is generated from the rule's data (here, in path.py,
jobfit.py and document.py), so an editor's change is explained without code. No Django import.
"""

import datetime as dt
from functools import lru_cache

from .engine import CertificationResult, ConditionResult
from .snapshot import Condition, Snapshot

FULL_TIME_YEAR = 2080
FULL_TIME_MONTH = FULL_TIME_YEAR / 12
QUANTITIES = {"experience", "education", "references"}  # kinds whose gap is a number


@lru_cache(maxsize=8192)
def iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


@lru_cache(maxsize=8192)
def long_date(ordinal: int) -> str:
    day = dt.date.fromordinal(ordinal)
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """25 Nov 2026: dates in lists and chips, where the month's full name is too long."""
    return f"{day.day} {day:%b %Y}"


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def either(names: list[str], joiner: str = "or") -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {joiner} " + names[-1]


def names_in(codes, vocabulary: dict) -> list[str]:
    """Names of `codes`, in the vocabulary's order."""
    if not codes:
        return []
    return [_name(term) for code, term in vocabulary.items() if code in codes]


def _name(term) -> str:
    return term if isinstance(term, str) else term.name


def lower_first(text: str) -> str:
    """Lower-case a name for use mid-sentence, leaving acronyms ("RN", "CCM") alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def a_or_an(text: str) -> str:
    return ("an " if text[:1].lower() in "aeiou" else "a ") + text


def duration(hours: float) -> str:
    """Hours as full-time months or years, the way applicants count them."""
    months = hours / FULL_TIME_MONTH
    if months >= 24 and months % 12 == 0:
        return f"{months / 12:.0f} years full time"
    if months >= 1:
        return (
            f"{months:.0f} months full time"
            if months.is_integer()
            else (f"about {months:.1f} months full time")
        )
    return f"about {hours / 40:.1f} weeks full time"


def scope(cond: Condition, snap: Snapshot) -> str:
    """What work counts toward an experience condition: "paid, supervised work as a case
    manager in a health care delivery setting, within the last 3 years"."""
    p = cond.params
    qualities = [w for w, on in (("paid", p["paid"]), ("supervised", cond.supervised)) if on]
    text = (
        (", ".join(qualities) + " " if qualities else "")
        + "work as "
        + either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.roles)])
    )
    if cond.settings is not None:
        if p["health_care_delivery"] and not p["settings"]:
            text += " in a health care delivery setting"
        else:
            text += " in " + either([n.lower() for n in names_in(cond.settings, snap.settings)])
    if cond.supervisor_credentials:
        text += ", under a supervisor who holds " + either(
            names_in(cond.supervisor_credentials, snap.credential_names)
        )
    if cond.within_years:
        text += f", within the last {cond.within_years} years"
    return text


def describe_condition(cond: Condition, snap: Snapshot) -> str:
    """The requirement in one sentence, e.g. "At least 2,080 hours (12 months full time) of
    paid, supervised work as a case manager or nurse case manager in a hospital or …"."""
    p = cond.params
    if cond.kind == "licence":
        kinds = either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.licence_types)])
        return f"An active licence in good standing as {kinds}"
    if cond.kind == "degree":
        level = snap.degree_levels[p["min_level"]].name.lower()
        text = f"A {level} or higher"
        if cond.fields is not None:
            if p["hhs_fields"] and not p["fields"]:
                text += " in a health and human services field"
            else:
                text += " in " + either(names_in(cond.fields, snap.degree_fields)).lower()
        if cond.accredited:
            text += " from an accredited school"
        return text
    if cond.kind == "credential":
        return "Hold " + either(names_in(cond.codes, snap.credential_names))
    if cond.kind == "experience":
        return (
            f"At least {number(cond.hours)} hours ({duration(cond.hours)}) of {scope(cond, snap)}"
        )
    if cond.kind == "education":
        topics = either([n.lower() for n in names_in(cond.codes, snap.ce_topics)])
        text = f"At least {number(cond.hours)} hours of continuing education in {topics}"
        if cond.within_years:
            text += f", completed within the last {cond.within_years} years"
        return text
    if cond.kind == "references":
        return (
            f"At least {cond.count} references from people or organisations who used your services"
        )
    if cond.kind == "not-self-employed":
        return "Your case management work was not self-employed"
    if cond.kind == "attestation":
        return f"Affirm {snap.attestations[cond.attestation].name.lower()}"
    raise ValueError(cond.kind)


def when_you_can_sit(result: CertificationResult) -> str:
    """When a person can sit for a certification: "now" or "from 30 May 2027"."""
    return "now" if result.status == "eligible" else f"from {long_date(result.eligible_on)}"


def gap(result: ConditionResult) -> str | None:
    """What is missing, in numbers: "1,240 of 2,080 hours: 840 more (about 4.8 months full
    time)". None when the condition holds or has no quantity."""
    if result.met or result.condition.kind not in QUANTITIES:
        return None
    have, need = result.have or 0, result.need
    missing = need - have
    text = f"{number(have)} of {number(need)} {result.unit}: {number(missing)} more"
    if result.condition.kind == "experience":
        text += f" ({duration(missing)})"
    return text
