"""A "not eligible for" condition: the person does not meet every group of another
certification on the day (ACMA: nurses and social workers who meet ACM's requirements must
earn ACM and apply through the route that asks for it).

Its answer depends on another certification's, so it names that certification
(`depends`): the loader refuses an unknown code or a cycle, and the engine evaluates the
certification depended on first and hands its result over (`evaluate_given`)."""

from dataclasses import dataclass
from typing import ClassVar

from .base import Kind, Param
from .intervals import Intervals, holds_from_start


def complement(days: Intervals, lo: int, hi: int) -> Intervals:
    """The days in [lo, hi] that are not in `days`."""
    out: Intervals = []
    start = lo
    for a, b in days:
        if a > start:
            out.append((start, a - 1))
        start = max(start, b + 1)
    if start <= hi:
        out.append((start, hi))
    return out


def _name(cond, snap) -> str:
    return snap.credential_names.get(cond.certification, cond.certification)


@dataclass(frozen=True)
class NotEligibleFor(Kind):
    needs_others: ClassVar[bool] = True

    def depends(self, params: dict) -> tuple[str, ...]:
        code = params.get("certification")
        return (code,) if isinstance(code, str) and code else ()

    def build(self, params, namer):
        return {"certification": params["certification"]}

    def describe(self, cond, snap):
        # A rule of the route, not a claim about the person (who may well meet them).
        return f"Only for people who do not meet the requirements for {_name(cond, snap)}"

    def evaluate_given(self, cond, profile, lo, hi, others):
        other = others[cond.certification]
        days = complement(other.days, lo, hi)
        return holds_from_start(days, lo), None, None, None, days

    def applies_when(self, cond):
        return "if you do not meet the requirements for that certification"

    def why_not(self, cond, profile, snap):
        name = _name(cond, snap)
        return [
            f"You meet the requirements for {name}, so this route is closed to you: "
            f"earn {name} first and apply through the route for its holders."
        ]

    def next_step(self, result, snap, profile):
        name = _name(result.condition, snap)
        return (
            f"Earn {name} first: you meet its requirements, so the routes for people who do "
            f"not are closed to you; with {name} you apply through the route for its holders.",
            None,
        )

    def shut(self, result, profile, others):
        """Meeting the other certification's rules closes this route for good."""
        return True


KIND = NotEligibleFor(
    "not-eligible-for",
    "Not eligible for a certification",
    (
        Param(
            "certification",
            "code",
            "The certification whose requirements the person must not meet",
            "certifications",
            required=True,
        ),
    ),
)
