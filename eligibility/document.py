"""The results document (SPEC §4) for one certification, and the lines "At a glance" shows
at the top of the results. No Django import."""

from .engine import CertificationResult, ConditionResult
from .explain import gap, iso
from .path import next_steps
from .profile import Profile
from .snapshot import Snapshot


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
