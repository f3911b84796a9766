"""Plain-language words and sentences about rules and results: dates, numbers, names, what a
condition asks, what is missing.

Everything a nurse reads about a rule is generated from the rule's data (here, in path.py,
jobfit.py and document.py), so an editor's change is explained without code. No Django import.
"""

import datetime as dt
import math
from functools import lru_cache

from . import kinds
from .engine import CertificationResult, ConditionResult, window_start
from .kinds.experience import scope  # noqa: F401 (path.py words its next step with it)
from .kinds.words import (  # noqa: F401 (re-exported: the wording's one home for callers)
    FULL_TIME_MONTH,
    FULL_TIME_YEAR,
    a_or_an,
    duration,
    either,
    lower_first,
    names_in,
    number,
)
from .profile import Experience, Profile
from .snapshot import Condition, Snapshot

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


def describe_condition(cond: Condition, snap: Snapshot) -> str:
    """The requirement in one sentence, e.g. "At least 2,080 hours (12 months full time) of
    paid, supervised work as a case manager or nurse case manager in a hospital or …"; each
    kind's module words its own."""
    return kinds.get(cond.kind).describe(cond, snap)


def applies_when(cond: Condition) -> str:
    """When an application note applies that is shown unless `cond` holds, to follow
    "Applies": "while you have fewer than 4,160 hours (…) of …", "if your case management work
    was self-employed" (never "unless … not"). Written from describe_condition's sentence."""
    text = cond.text
    if cond.kind == "not-self-employed":
        return "if your case management work was self-employed"
    if cond.kind in QUANTITIES and text.startswith("At least "):
        return "while you have fewer than " + text.removeprefix("At least ")
    if cond.kind in ("licence", "degree") and text[:2] in ("A ", "An"):
        return "if you hold no " + text.split(" ", 1)[1]
    if cond.kind in ("credential", "attestation"):
        return "until you " + lower_first(text)
    return "unless this holds: " + lower_first(text)


def when_you_can_sit(result: CertificationResult) -> str:
    """When a person can sit for a certification: "now" or "from 30 May 2027"."""
    return "now" if result.status == "eligible" else f"from {long_date(result.eligible_on)}"


def gap(result: ConditionResult) -> str | None:
    """What is missing and why, one line each: the numbers ("1,240 of 2,080 hours: 840 more
    (about 4.8 months full time)"), then a line for each of the person's entries that does not
    count and why ("Your work as a case manager (…) does not count: it was unpaid."). None when
    the condition holds or there is nothing to say. Hours are whole: what is had rounds down
    and what is missing up, so that the two add up to what is needed."""
    if result.met:
        return None
    lines = []
    if result.condition.kind in QUANTITIES:
        need = result.need
        have = math.floor((result.have or 0) + 1e-9)
        missing = max(math.ceil(need - have), 0)
        text = f"{number(have)} of {number(need)} {result.unit}: {number(missing)} more"
        if result.condition.kind == "experience":
            text += f" ({duration(missing)})"
        lines.append(text)
    lines.extend(why_not(result))
    return "\n".join(lines) or None


def why_not(result: ConditionResult) -> list[str]:
    """Sentences about the person's own entries that did not meet an unmet condition: work
    that does not count (role, setting, unpaid, unsupervised, supervisor, outside the window),
    a licence that has expired or is not active, self-employment. They repeat the engine's
    filters (engine._experience_entries, _licence) over the profile it was asked about;
    nothing when the result does not record that (engine.evaluate_certification)."""
    if result.met or result.profile is None or result.snapshot is None:
        return []
    explain = WHY_NOT.get(result.condition.kind)
    return explain(result.condition, result.profile, result.snapshot) if explain else []


def _job(entry: Experience, snap: Snapshot, day: int) -> str:
    """ "your work as a case manager (community or social services agency, since 1 January
    2024)": one of the person's jobs, as they entered it."""
    role = snap.roles[entry.role].name if entry.role in snap.roles else entry.role
    setting = snap.settings[entry.setting].name if entry.setting in snap.settings else ""
    if role.lower().endswith("work"):  # "Other work"
        text = f"your {lower_first(role)}"
    else:
        text = f"your work as {a_or_an(lower_first(role))}"
    if entry.end is not None:
        period = f"{long_date(entry.start)} to {long_date(entry.end)}"
    else:
        period = f"{'since' if entry.start <= day else 'from'} {long_date(entry.start)}"
    return f"{text} ({lower_first(setting)}, {period})" if setting else f"{text} ({period})"


def _settings_that_count(cond: Condition, snap: Snapshot) -> str:
    """ "a health care delivery setting (hospital; home health; …)" or "a school or a …"."""
    allowed = cond.settings or frozenset()
    delivery = [t.name for c, t in snap.settings.items() if c in allowed and t.health_care_delivery]
    others = [
        t.name for c, t in snap.settings.items() if c in allowed and not t.health_care_delivery
    ]
    if cond.params.get("health_care_delivery"):
        text = (
            "a health care delivery setting ("
            + either([lower_first(n) for n in delivery], "or", "; ")
            + ")"
        )
        return text + (" or " + either([lower_first(n) for n in others]) if others else "")
    return either([lower_first(n) for n in delivery + others], "or", "; ")


def _why_experience(cond: Condition, profile: Profile, snap: Snapshot) -> list[str]:
    day = profile.as_of
    first = window_start(day, cond.within_years) if cond.within_years else None
    roles = either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.roles)])
    in_role = [e for e in profile.experience if e.role in cond.codes]
    if not in_role:  # the condition's text names the roles; say it of the person's own jobs
        if len(profile.experience) == 1:
            job = _job(profile.experience[0], snap, day)
            return [f"{job[:1].upper()}{job[1:]} does not count: only work as {roles} counts."]
        return [f"None of your jobs was as {roles}."] if profile.experience else []
    lines = []
    for entry in in_role:  # other jobs are plainly other work: not listed
        job = _job(entry, snap, day)
        reasons = []
        if cond.settings is not None and entry.setting not in cond.settings:
            reasons.append(f"it was not in {_settings_that_count(cond, snap)}")
        if cond.paid and not entry.paid:
            reasons.append("it was unpaid")
        if cond.supervised and not entry.supervised:
            reasons.append(
                "it was self-employed, without a supervisor"
                if entry.self_employed
                else "it was not supervised"
            )
        elif cond.supervisor_credentials and not (
            entry.supervisor_credentials & cond.supervisor_credentials
        ):
            held = either(names_in(cond.supervisor_credentials, snap.credential_names))
            reasons.append(f"it was not under a supervisor who holds {held}")
        if first is not None and entry.end is not None and entry.end < first:
            reasons.append(
                f"it ended on {long_date(entry.end)}, and only work since {long_date(first)} "
                f"counts (the last {cond.within_years} years)"
            )
        if reasons:
            lines.append(f"{job[:1].upper()}{job[1:]} does not count: {either(reasons, 'and')}.")
        elif first is not None and entry.start < first:
            lines.append(
                f"Only work since {long_date(first)} counts (the last {cond.within_years} "
                f"years), so {job} counts from that day."
            )
        elif entry.start > day:
            lines.append(f"{job[:1].upper()}{job[1:]} has not started yet; it counts from then.")
    return lines


def _why_licence(cond: Condition, profile: Profile, snap: Snapshot) -> list[str]:
    lines = []
    for licence in profile.licenses:
        if licence.type not in cond.codes:
            continue
        name = lower_first(snap.licence_types[licence.type].name)
        problems, advice = [], ""
        if licence.expires is not None and licence.expires < profile.as_of:
            problems.append(f"expired on {long_date(licence.expires)}")
            advice = "renew it before you apply"
        if not licence.active:
            problems.append("is not active")
            advice = advice or "it must be active when you apply"
        if not licence.good_standing:
            problems.append("is not in good standing")
            advice = advice or "it must be in good standing when you apply"
        if problems:
            lines.append(f"Your {name} licence {either(problems, 'and')}; {advice}.")
    return lines


def _why_self_employed(cond: Condition, profile: Profile, snap: Snapshot) -> list[str]:
    return [
        f"You marked {_job(entry, snap, profile.as_of)} as self-employed."
        for entry in profile.experience
        if entry.self_employed
    ]


WHY_NOT = {
    "experience": _why_experience,
    "licence": _why_licence,
    "not-self-employed": _why_self_employed,
}
