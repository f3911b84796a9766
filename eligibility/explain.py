"""Plain-language words and sentences about rules and results: dates, numbers, names, what a
condition asks, what is missing.

Everything a nurse reads about a rule is generated from the rule's data (here, in path.py,
jobfit.py and document.py), so an editor's change is explained without code. No Django import.
"""

import datetime as dt
import math
from functools import lru_cache

from .engine import CertificationResult, ConditionResult, window_start
from .profile import Experience, Profile
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
    """A whole number with thousands separators ("4,177"): hours are counted in whole hours,
    never "4,177.1"."""
    return f"{math.floor(value + 0.5):,}"


def either(names: list[str], joiner: str = "or", separator: str = ", ") -> str:
    """ "a, b or c"; with separator "; " ("a; b; or c") for names that hold commas."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2 or separator == ", ":
        return separator.join(names[:-1]) + f" {joiner} " + names[-1]
    return separator.join(names[:-1]) + f"{separator}{joiner} " + names[-1]


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
    """Hours as full-time months or years, the way applicants count them: "12 months full
    time", "about 5 months full time", "3 years full time" (whole months: "about 12.8
    months" is more precise than anyone plans)."""
    months = hours / FULL_TIME_MONTH
    if months >= 24 and months % 12 == 0:
        return f"{months / 12:.0f} years full time"
    if months >= 0.95:
        return _about(months, "month")
    if hours / 40 >= 0.95:
        return _about(hours / 40, "week")
    return "less than a week full time"


def _about(amount: float, unit: str) -> str:
    """ "12 months", "about 5 months": whole units, "about" when rounded."""
    rounded = max(round(amount), 1)
    plural = "" if rounded == 1 else "s"
    prefix = "" if float(amount).is_integer() else "about "
    return f"{prefix}{rounded} {unit}{plural} full time"


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
