"""Plain-language sentences, the path (next steps) and job fit, from the engine's results.

Everything a nurse reads about a rule is generated here from the rule's data, so an editor's
change is explained without code. No Django import.
"""

import datetime as dt
from functools import lru_cache

from .engine import HORIZON_DAYS, CertificationResult, ConditionResult, intersect
from .profile import Profile
from .snapshot import Condition, Snapshot

FULL_TIME_YEAR = 2080
FULL_TIME_MONTH = FULL_TIME_YEAR / 12
QUANTITIES = {"experience", "education", "references"}  # kinds whose gap is a number
# A helpful certification within a year adds to a job's fit (once, however many there are);
# one years away is still named among the reasons.
SOON_DAYS = 365


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


def _names(codes, vocabulary: dict) -> list[str]:
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
        + either([a_or_an(lower_first(n)) for n in _names(cond.codes, snap.roles)])
    )
    if cond.settings is not None:
        if p["health_care_delivery"] and not p["settings"]:
            text += " in a health care delivery setting"
        else:
            text += " in " + either([n.lower() for n in _names(cond.settings, snap.settings)])
    if cond.supervisor_credentials:
        text += ", under a supervisor who holds " + either(
            _names(cond.supervisor_credentials, snap.credential_names)
        )
    if cond.within_years:
        text += f", within the last {cond.within_years} years"
    return text


def describe_condition(cond: Condition, snap: Snapshot) -> str:
    """The requirement in one sentence, e.g. "At least 2,080 hours (12 months full time) of
    paid, supervised work as a case manager or nurse case manager in a hospital or …"."""
    p = cond.params
    if cond.kind == "licence":
        kinds = either([a_or_an(lower_first(n)) for n in _names(cond.codes, snap.licence_types)])
        return f"An active licence in good standing as {kinds}"
    if cond.kind == "degree":
        level = snap.degree_levels[p["min_level"]].name.lower()
        text = f"A {level} or higher"
        if cond.fields is not None:
            if p["hhs_fields"] and not p["fields"]:
                text += " in a health and human services field"
            else:
                text += " in " + either(_names(cond.fields, snap.degree_fields)).lower()
        if cond.accredited:
            text += " from an accredited school"
        return text
    if cond.kind == "credential":
        return "Hold " + either(_names(cond.codes, snap.credential_names))
    if cond.kind == "experience":
        return (
            f"At least {number(cond.hours)} hours ({duration(cond.hours)}) of {scope(cond, snap)}"
        )
    if cond.kind == "education":
        topics = either([n.lower() for n in _names(cond.codes, snap.ce_topics)])
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


# --- the path -----------------------------------------------------------------------------


def _when(result: CertificationResult) -> str:
    """When a person can sit for a certification: "now" or "from 30 May 2027"."""
    return "now" if result.status == "eligible" else f"from {long_date(result.eligible_on)}"


def _soonest(codes, others: dict[str, CertificationResult]) -> CertificationResult | None:
    """Of these credential codes, the certification this person can sit for soonest."""
    reachable = [others[c] for c in sorted(codes) if c in others and others[c].eligible_on]
    return min(reachable, key=lambda r: r.eligible_on, default=None)


def condition_step(
    result: ConditionResult, snap: Snapshot, others: dict[str, CertificationResult] | None = None
) -> dict:
    """One next step that would make an unmet condition hold; a missing certification this
    person can sit for (one of `others`) is dated by when they can."""
    cond = result.condition
    when = result.met_on
    if cond.kind == "experience":
        roles = either([a_or_an(lower_first(n)) for n in _names(cond.codes, snap.roles)])
        missing = cond.hours - (result.have or 0)
        window = f" in the last {cond.within_years} years" if cond.within_years else ""
        if when is not None:
            text = (
                f"Keep working as {roles} — you reach {number(cond.hours)} hours{window} "
                f"on {long_date(when)}."
            )
        else:
            text = (
                f"Gain {number(missing)} more hours ({duration(missing)}) of {scope(cond, snap)}."
            )
        return {"kind": cond.kind, "text": text, "date": iso(when)}
    if cond.kind == "education":
        missing = cond.hours - (result.have or 0)
        topics = either([n.lower() for n in _names(cond.codes, snap.ce_topics)])
        window = f" (it counts for {cond.within_years} years)" if cond.within_years else ""
        text = f"Complete {number(missing)} more hours of continuing education in {topics}{window}."
        if when is not None:
            text = (
                f"Your planned education in {topics} reaches {number(cond.hours)} hours "
                f"on {long_date(when)}."
            )
        return {"kind": cond.kind, "text": text, "date": iso(when)}
    stone = _soonest(cond.codes, others) if cond.kind == "credential" and others else None
    if stone is not None:
        name = snap.credential_names[stone.certification.code]
        return {
            "kind": cond.kind,
            "text": f"Earn {name}, which you can sit for {_when(stone)}.",
            "date": iso(stone.eligible_on),
        }
    if cond.kind == "references":
        more = cond.count - (result.have or 0)
        text = f"Gather {more} more reference{'s' if more != 1 else ''} (you need {cond.count})."
    elif cond.kind == "licence":
        text = f"Hold {cond.text[0].lower() + cond.text[1:]}."
    elif cond.kind == "not-self-employed":
        text = "Your work history includes self-employment, so this route does not apply."
    elif cond.kind == "attestation":
        text = f"{snap.attestations[cond.attestation].question} If so, say yes in the form."
    else:
        text = f"{cond.text}."
    return {"kind": cond.kind, "text": text, "date": iso(when)}


def _licence_lapse(result: CertificationResult, horizon_end: int) -> int | None:
    """The last day of a licence that holds today but lapses within the horizon."""
    for group in result.groups:
        for option in group.options:
            for cond in option.conditions:
                if cond.condition.kind == "licence" and cond.met and cond.days[-1][1] < horizon_end:
                    return cond.days[-1][1]
    return None


def _stepping_stone(group, others: dict[str, CertificationResult], profile: Profile, snap):
    """A sooner route through another certification this person can sit for: a route whose
    one missing piece is holding that certification (CMAC's "ACM plus 2 years" for a nurse
    who can sit for ACM now). Eligibility itself assumes nothing changes (SPEC §2); this is
    advice on the path. The step, or None when no such route beats the group's own date."""
    soonest = None
    for option in group.options:
        wanted = [c for c in option.conditions if not c.met]
        if len(wanted) != 1 or wanted[0].condition.kind != "credential":
            continue
        stone = _soonest(wanted[0].condition.codes, others)
        if stone is None:
            continue
        rest = [(profile.as_of, profile.as_of + HORIZON_DAYS)]
        for cond in option.conditions:
            if cond is not wanted[0]:
                rest = intersect(rest, cond.days)
        # The first day both the certification can be had and the rest of the route holds.
        opens = next((max(lo, stone.eligible_on) for lo, hi in rest if hi >= stone.eligible_on),
                     None)  # fmt: skip
        if opens is None or (group.met_on is not None and opens >= group.met_on):
            continue
        if soonest is None or opens < soonest[0]:
            soonest = (opens, stone, option)
    if soonest is None:
        return None
    opens, stone, option = soonest
    if opens == stone.eligible_on:
        tail = ": you meet the rest of that route."
    else:
        tail = f" from {long_date(opens)}, when you meet the rest of that route too."
    text = (
        f"A sooner route: earn {snap.credential_names[stone.certification.code]}, which you can "
        f"sit for {_when(stone)}. Once you hold it, \u201c{option.name}\u201d is met{tail}"
    )
    return {"kind": "credential", "text": text, "date": iso(opens)}


def next_steps(
    result: CertificationResult,
    profile: Profile,
    snap: Snapshot,
    others: dict[str, CertificationResult] | None = None,
) -> list[dict]:
    """Ordered steps: what is missing (soonest route per group, and a sooner route through
    another certification in `others` where there is one), then applying and renewing."""
    cert = result.certification
    steps: list[dict] = []
    for group in result.groups:
        if group.met:
            continue
        option = group.best
        for cond in option.conditions:
            if not cond.met:
                steps.append(condition_step(cond, snap, others))
        if others:
            stone = _stepping_stone(group, others, profile, snap)
            if stone is not None:
                steps.append(stone)
    lapse = _licence_lapse(result, profile.as_of + HORIZON_DAYS)
    if lapse is not None:
        steps.append(
            {
                "kind": "licence",
                "text": f"Renew your licence before it expires on {long_date(lapse)}.",
                "date": iso(lapse),
            }
        )
    steps.sort(key=lambda s: s["date"] or "9999")
    if result.status != "not_eligible":
        when = _when(result)
        facts = "; ".join(
            part
            for part in (
                f"fees: {cert.fees}" if cert.fees else "",
                f"exam windows: {cert.exam_windows}" if cert.exam_windows else "",
                lower_first(cert.exam),
            )
            if part
        )
        steps.append(
            {
                "kind": "apply",
                "text": f"Apply to {cert.body.name} {when}" + (f" — {facts}." if facts else "."),
                "date": iso(result.eligible_on),
            }
        )
    if cert.renewal_years:
        renew = f"Once certified, renew every {cert.renewal_years} years"
        if cert.renewal_ce_hours:
            renew += f" with {cert.renewal_ce_hours} hours of continuing education"
        steps.append({"kind": "renew", "text": renew + ".", "date": None})
    return steps


# --- jobs ---------------------------------------------------------------------------------


def job_fit(profile: Profile, results: list[CertificationResult], snap: Snapshot) -> list[dict]:
    """Job roles that fit this person, best first, each with the reasons."""
    licences = {lic.type for lic in profile.licenses if lic.active and lic.good_standing}
    fields = {d.field for d in profile.degrees}
    has_bachelor = (
        any(d.rank >= snap.degree_levels["bachelor"].rank for d in profile.degrees)
        if ("bachelor" in snap.degree_levels)
        else bool(profile.degrees)
    )
    roles = {e.role for e in profile.experience}
    settings = {e.setting for e in profile.experience}
    held_codes = profile.credentials
    reachable = {r.certification.code: r for r in results if r.status != "not_eligible"}
    jobs = []
    for index, job in enumerate(snap.job_roles):
        if job.shown_when_reaching and not any(
            c in held_codes or c in reachable for c in job.shown_when_reaching
        ):
            continue
        background = []
        if job.background_licences & licences:
            background += [
                f"your {lower_first(n)} licence"
                for n in _names(job.background_licences & licences, snap.licence_types)
            ]
        if job.background_fields & fields:
            background += [
                f"a degree in {n.lower()}"
                for n in _names(job.background_fields & fields, snap.degree_fields)
            ]
        if job.background_roles & roles:
            background += [
                f"your work as {a_or_an(lower_first(n))}"
                for n in _names(job.background_roles & roles, snap.roles)
            ]
        if not background and job.background_any_bachelor and has_bachelor:
            background = ["a bachelor's degree"]
        overlap = job.settings & settings
        if not background and not overlap:
            continue
        why, score = [], 0
        if background:
            score += 3
            why.append("Fits your background: " + either(background, "and") + ".")
        if overlap:
            score += 1
            places = either([n.lower() for n in _names(overlap, snap.settings)], "and")
            why.append(f"These jobs are found where you have worked: {places}.")
        held = [c for c in job.helpful_certifications if c in held_codes]
        if held:
            score += 2
            why.append("You hold " + either([snap.credential_names[c] for c in held], "and") + ".")
        soon = False
        for code in job.helpful_certifications:
            if code in reachable and code not in held_codes:
                r = reachable[code]
                soon = soon or r.eligible_on <= profile.as_of + SOON_DAYS
                why.append(f"You can sit for {snap.credential_names[code]} {_when(r)}.")
        score += soon
        fit = "strong" if score >= 5 else "good" if score >= 3 else "possible"
        if not background:  # a setting and certifications alone do not make you a fit
            fit = "possible"
        jobs.append(
            (
                -score,
                index,
                {
                    "code": job.code,
                    "name": job.name,
                    "fit": fit,
                    "score": score,
                    "why": why,
                    "soc_codes": list(job.soc_codes),
                    "helpful_certifications": list(job.helpful_certifications),
                    "helpful_names": [snap.credential_names[c] for c in job.helpful_certifications],
                },
            )
        )
    jobs.sort(key=lambda j: (j[0], j[1]))
    return [job for *_, job in jobs]


# --- the results document (SPEC §4) -------------------------------------------------------


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


def condition_dict(result: ConditionResult) -> dict:
    cond = result.condition
    return {
        "kind": cond.kind,
        "text": cond.text,
        "met": result.met,
        "have": result.have,
        "need": result.need,
        "unit": result.unit,
        "met_on": iso(result.met_on),
        "gap": gap(result),
    }


def group_dict(group) -> dict:
    """A requirement group with its routes; `best` marks the route to show first (met, else
    the soonest, else the closest)."""
    best = group.best
    return {
        "code": group.code,
        "name": group.name,
        "met": group.met,
        "met_on": iso(group.met_on),
        "options": [
            {
                "code": o.code,
                "name": o.name,
                "met": o.met,
                "met_on": iso(o.met_on),
                "best": o is best and len(group.options) > 1,
                "conditions": [condition_dict(c) for c in o.conditions],
            }
            for o in group.options
        ],
    }


def certification_dict(
    result: CertificationResult,
    profile: Profile,
    snap: Snapshot,
    others: dict[str, CertificationResult] | None = None,
) -> dict:
    """One certification's entry of the results document; `others` (every certification's
    result by code) lets the path point to a sooner route through another certification."""
    cert = result.certification
    return {
        "certification": cert.code,
        "name": cert.name,
        "body": cert.body.name,
        "status": result.status,
        "eligible_on": iso(result.eligible_on),
        "groups": [group_dict(g) for g in result.groups],
        "next_steps": next_steps(result, profile, snap, others),
        "application_notes": list(result.application_notes),
        "sources": [
            {
                "title": s.title,
                "url": s.url,
                "confidence": s.confidence,
                "verified_on": s.verified_on,
            }
            for s in cert.sources
        ],
    }


def at_a_glance(document: dict) -> list[dict]:
    """One line per certification for the top of the results, in the document's order:
    where the person stands and the first thing to do ("Apply now.", "Earn … first", …)."""
    lines = []
    for cert in document["results"]:
        steps = [s for s in cert["next_steps"] if s["kind"] != "renew"]
        first = steps[0] if steps else None
        if first is None:
            step = ""
        elif first["kind"] == "apply":  # first only when eligible now (see next_steps)
            step = "Apply now."
        else:
            step = first["text"]
        lines.append(
            {
                "code": cert["certification"],
                "name": cert["name"],
                "status": cert["status"],
                "eligible_on": cert["eligible_on"],
                "step": step,
            }
        )
    return lines
