"""The results document (docs/results-format.md) for one certification, how far each
certification is from the person ("reach": nearest wins first), and the lines "At a glance"
shows at the top of the results. No Django import."""

import datetime as dt

from .engine import (
    HORIZON_DAYS,
    CertificationResult,
    ConditionResult,
    intersect,
    unite,
)
from .explain import either, gap, iso, long_date
from .kinds import KINDS
from .kinds.words import inline
from .openings import opening_rows
from .path import done_now, next_steps
from .profile import Profile
from .snapshot import Condition, Snapshot

# Ranking of reach kinds: eligible now; then, by date, what doing the do-now things or waiting
# brings; then what needs more work than the next five years; then other backgrounds.
REACH_ORDER = {"now": 0, "action": 1, "wait": 1, "years": 2, "background": 3}


def condition_dict(result: ConditionResult) -> dict:
    """One condition of the document (docs/results-format.md)."""
    cond = result.condition
    days = result.days
    met = result.met
    kind = KINDS[cond.kind]
    return {
        "kind": cond.kind,
        "text": cond.text,
        "met": met,
        "have": result.have,
        "need": result.need,
        "unit": result.unit,
        "met_on": iso(days[0][0]) if days else None,
        # A met condition has no gap, nor one of a kind with nothing to add to its sentence.
        "gap": gap(result) if kind.explains and not met else None,
        # What was assumed for this person (a degree without its date), else None: always
        # the key, as a template's lookup of a missing key costs four exceptions.
        "note": (kind.assumption(cond, result.profile) or None) if kind.assumes else None,
    }


def condition_dicts(results, memo: dict[str, dict]) -> list[dict]:
    """The conditions of one route; `memo` (by Condition.key, for one assessment) keeps those
    already worded: a rule several certifications share is explained once, and each
    certification after the first gets a copy of its own."""
    out = []
    for result in results:
        key = result.condition.key
        worded = memo.get(key) if key else None
        if worded is None:
            worded = condition_dict(result)
            if key:
                memo[key] = worded
            out.append(worded)
        else:
            out.append(dict(worded))
    return out


def group_dict(group, memo: dict[str, dict] | None = None) -> dict:
    """A requirement group with its routes; `best` marks the route to show first (met, else
    the soonest, else the closest). `memo`: see condition_dicts."""
    memo = {} if memo is None else memo
    best = group.best if len(group.options) > 1 else None
    return {
        "code": group.code,
        "name": group.name,
        "met": group.met,
        # Another route is as near as the best one: no route is the fastest.
        "tie": bool(group.tied),
        "met_on": iso(group.days[0][0]) if group.days else None,
        "options": [
            {
                "code": o.code,
                "name": o.name,
                "met": o.met,
                "met_on": iso(o.days[0][0]) if o.days else None,
                "best": o is best,
                "conditions": condition_dicts(o.conditions, memo),
            }
            for o in group.options
        ],
    }


# --- reach: what stands between the person and a certification ------------------------------


def door_list(cond: Condition, snap: Snapshot) -> list[dict]:
    """The backgrounds that meet a door condition (a licence, degree or credential), one a
    line, as its kind words them: {"text", "kind", "code"} (a licence type or credential) or
    {"text", "kind", "rank", "fields" (None: any), "accredited"} (a degree): "A registered
    nurse (RN) licence", "A bachelor's degree or higher in social work from an accredited
    school"."""
    return KINDS[cond.kind].doors(cond, snap)


def doors(result: CertificationResult, snap: Snapshot) -> list[dict]:
    """Every background that opens this certification (see `door_list`), in the catalog's
    order, whoever the person is: what a certification is for, in the words of its rules.
    The door conditions of the groups every route of which asks for a licence, degree or
    credential (CCM's "Licence, credential or degree"); they depend on the catalog only, so
    the snapshot works them out once (snapshot.Certification.doors)."""
    return list(result.certification.doors)


def reach(
    result: CertificationResult,
    profile: Profile,
    snap: Snapshot,
    others: dict[str, CertificationResult] | None = None,
) -> dict:
    """How far the person is from a certification, for ranking and for "At a glance":

    kind  "now" (eligible); "action" (reached by doing now what anyone can: CE hours,
          references, an attestation; `takes` says what, `on` when, if they do); "wait"
          (reached on `on` with nothing to do but keep working); "years" (needs more work than
          the next five years bring); "background" (needs a licence, degree or credential the
          person does not have)
    on, takes, opened_by (every background that opens it; see `doors`), missing (for
    "background": the backgrounds that would open the requirement that is shut, in the words
    of `doors`; empty when no background opens it, as when meeting another certification's
    rules closes a route)
    """
    others = others or {}
    opened_by = doors(result, snap)
    if result.status == "eligible":
        return _reach("now", result.eligible_on, [], opened_by)
    # A group every route of which has an unmet condition needing a background the person
    # does not have (its kind decides: a licence of a type they hold none of, a degree, a
    # credential that is no certification they can sit for within the horizon); plain loops,
    # as this runs for every certification of every profile.
    for group in result.groups:
        if group.met:
            continue
        shut: dict[str, None] = {}  # the doors of the group's shut conditions, in order
        for option in group.options:
            open_route = True
            for cond in option.conditions:
                if cond.met:
                    continue
                kind = KINDS[cond.condition.kind]
                if kind.shut(cond, profile, others):
                    open_route = False
                    if kind.door:
                        for door in cond.condition.doors:
                            shut.setdefault(door["text"], None)
            if open_route:
                break  # this route is open: so is the group
        else:
            return _reach("background", None, [], opened_by, list(shut))
    lo, hi = profile.as_of, profile.as_of + HORIZON_DAYS
    days, takes = [(lo, hi)], []
    for group in result.groups:
        if group.met:
            continue
        # Each route as if the do-now things were done today; the soonest, then the least to do.
        routes = []
        for option in group.options:
            route = [(lo, hi)]
            todo = []
            for cond in option.conditions:
                if cond.met:
                    continue
                if KINDS[cond.condition.kind].do_now:
                    todo.append(cond)
                else:
                    route = intersect(route, cond.days)
            routes.append((route[0][0] if route else None, len(todo), route, todo))
        days = intersect(days, unite([r[2] for r in routes]))
        reachable = [r for r in routes if r[0] is not None]
        if reachable:
            takes += [
                KINDS[c.condition.kind].takes(c, snap)
                for c in min(reachable, key=lambda r: r[:2])[3]
            ]
    on = days[0][0] if days else None
    if on is None:
        return _reach("years", None, [], opened_by)
    return _reach("action" if takes else "wait", on, takes, opened_by)


def _reach(kind: str, on: int | None, takes: list[str], opened_by: list[str], missing=()) -> dict:
    return {
        "kind": kind,
        "on": iso(on),
        "takes": takes,
        "opened_by": opened_by,
        "missing": list(missing),
    }


def _rank(cert: dict) -> tuple:
    reached = cert["reach"]
    # Among those shut to the person, the ones of their own background first (an LPN's
    # CMCN, short of AAMCN's course), then those for people of another (for_others).
    elsewhere = reached["kind"] == "background" and for_others(reached)
    return (
        REACH_ORDER[reached["kind"]],
        reached["on"] or "",
        reached["kind"] == "action",
        elsewhere,
    )


def nearest_first(results: dict, snapshot: Snapshot | None = None) -> dict:
    """The results with the nearest wins first: eligible now; then by the day each can be
    reached, counting CE hours, references and attestations as done today (so a certification
    10 CE hours away comes before one two years of work away), nothing-to-do before something
    to do on the same day; then those needing more than five years of work; last, those shut
    to the person: first those of their own background that need a further licence, degree
    or credential (an LPN's CMCN), then those for people of another background. `openings`
    lists which licences and degrees open which certification; with the `snapshot` the
    results came from, as it worked them out once."""
    certs = sorted(results["results"], key=_rank)
    whole = (
        snapshot is not None
        and results["catalog_version"] == snapshot.version
        and len(results["results"]) == len(snapshot.certifications)
    )
    rows = list(snapshot.openings) if whole else openings(results)
    return {**results, "results": certs, "openings": rows}


def openings(results: dict) -> list[dict]:
    """Which backgrounds open which certifications, from the rules of the catalog (see
    openings.opening_rows), in the order the results' certifications come."""
    return opening_rows(
        (c["certification"], c["name"], c["reach"]["opened_by"]) for c in results["results"]
    )


def variant(result: CertificationResult) -> str | None:
    """The name the certification is awarded under by the route met on `eligible_on` (ACM-RN
    through the RN licence, ACM-SW through social work): the `awards` parameter of the first
    such route's conditions; None when no route names one or the person is not eligible."""
    day = result.eligible_on
    if day is None:
        return None
    for group in result.groups:
        for option in group.options:
            if any(a <= day <= b for a, b in option.days):
                for cond in option.conditions:
                    if cond.condition.params.get("awards"):
                        return cond.condition.params["awards"]
                break  # the first route met that day names no variant: look at the next group
    return None


def certification_dict(
    result: CertificationResult,
    profile: Profile,
    snap: Snapshot,
    others: dict[str, CertificationResult] | None = None,
    memo: dict[str, dict] | None = None,
) -> dict:
    """One certification's entry of the results document; `others` (every certification's
    result by code) lets the path point to a sooner route through another certification;
    `memo` keeps the conditions already worded for this assessment (condition_dicts)."""
    memo = {} if memo is None else memo
    cert = result.certification
    return {
        "certification": cert.code,
        "name": cert.name,
        "body": cert.body.name,
        "summary": cert.summary,
        "status": result.status,
        "eligible_on": iso(result.eligible_on),
        "variant": variant(result),
        "groups": [group_dict(g, memo) for g in result.groups],
        "next_steps": next_steps(result, profile, snap, others),
        "reach": reach(result, profile, snap, others),
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


def rules_checked_on(document: dict) -> str | None:
    """The latest day one of the results' sources was checked (ISO), for "Rules last checked
    with the certifying bodies on …"; None when no source carries a date."""
    days = [s["verified_on"] for c in document["results"] for s in c["sources"] if s["verified_on"]]
    return max(days, default=None)


def for_others(reached: dict) -> bool:
    """Whether a shut certification is for people of another background: what would open
    its shut requirement includes its first door (CMGT-BC for someone without an RN licence),
    not a further credential its audience must add (the CMCN's course, for an LPN)."""
    opened_by = reached["opened_by"]
    return bool(opened_by) and opened_by[0]["text"] in reached["missing"]


def at_a_glance(document: dict) -> list[dict]:
    """One line per certification for the top of the results, in the document's order:
    where the person stands and the first thing to do: apply (for the next exam window, when
    the catalog lists them), what it takes, the first step of the path, or whom it is for."""
    lines = []
    for cert in document["results"]:
        elsewhere = cert["reach"]["kind"] == "background" and for_others(cert["reach"])
        lines.append(
            {
                "code": cert["certification"],
                "name": cert["name"],
                "status": cert["status"],
                "eligible_on": cert["eligible_on"],
                "reach": cert["reach"]["kind"],
                "for_others": elsewhere,
                "step": _first_words(cert, document["as_of"], elsewhere),
            }
        )
    return lines


def _long(day: str) -> str:
    return long_date(dt.date.fromisoformat(day).toordinal())


def _first_words(cert: dict, as_of: str, elsewhere: bool) -> str:
    """The line's words; `elsewhere`: the certification is for people of another background
    (`for_others`, worked out once by at_a_glance)."""
    reached = cert["reach"]
    # The first step toward the certification: not renewing it once held, nor a licence the
    # person holds (a renewal step; its date puts it first on a path that is years away).
    steps = [s for s in cert["next_steps"] if s["kind"] != "renew" and not s.get("renewal")]
    if reached["kind"] == "now":
        exam = next((s for s in steps if s["kind"] == "exam"), None)
        if exam is None:
            return "Apply now."
        closes = exam["closes"]
        tail = f"; applications for it close on {_long(closes)}" if closes else ""
        return f"Apply now for the {exam['window']} exam window{tail}."
    if reached["kind"] == "action":
        text = "What it takes: " + either(reached["takes"], "and")
        if reached["on"] != as_of:
            text += f"; with that, you can apply from {_long(reached['on'])}"
        return text + "."
    if reached["kind"] == "background" and not elsewhere:
        # Of its audience, but without another licence, degree or credential it asks (an
        # LPN without AAMCN's course for the CMCN), or shut out by another certification's
        # rules ("earn ACM first"): name what is missing, not whom the certification is for.
        missing = [inline(text) for text in reached["missing"]]
        if missing:
            return f"Needs {either(missing)}."
        return steps[0]["text"] if steps else ""
    if reached["kind"] == "background":
        # The backgrounds of its first requirement: one of them is what it is for (a social
        # work degree for the C-SWCM, which asks a licence or ASWB exam as well).
        first = reached["opened_by"][0].get("group") if reached["opened_by"] else None
        opened_by = [d for d in reached["opened_by"] if d.get("group") == first]
        if len(opened_by) <= 2:
            return f"For people with {either([inline(d['text']) for d in opened_by])}."
        named = either([inline(d["text"]) for d in opened_by[:2]])
        return f"For people with {named}, among other routes."
    if reached["kind"] == "years":
        # More work than five years bring: name that work first, not the quick things (an
        # answer, CE hours) the path puts first because they can be done today.
        lasting = [s for s in steps if not done_now(s)]
        steps = lasting or steps
    return steps[0]["text"] if steps else ""
