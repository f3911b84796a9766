"""A continuing-education condition: hours in some topics, maybe within the last N years."""

from dataclasses import dataclass
from typing import ClassVar

from .base import Param, Quantity, hours_param, within_years_param
from .intervals import (
    EPSILON,
    holds_from_start,
    shift_years,
    threshold_days,
    window_start,
)
from .words import either, long_date, names_in, number


def _topics(cond, snap) -> str:
    return either([n.lower() for n in names_in(cond.codes, snap.ce_topics)])


@dataclass(frozen=True)
class Education(Quantity):
    do_now: ClassVar[bool] = True  # a course can be taken now

    def build(self, params: dict, namer) -> dict:
        return {
            "hours": params["hours"],
            "codes": frozenset(params["topics"]),
            "within_years": params["within_years"],
        }

    def describe(self, cond, snap):
        text = (
            f"At least {number(cond.hours)} hours of continuing education in {_topics(cond, snap)}"
        )
        if cond.within_years:
            text += f", completed within the last {cond.within_years} years"
        return text

    def phrases(self, cond, snap):
        return {"topics": _topics(cond, snap)}

    def amounts(self, params):
        hours = params.get("hours")
        found = [("hours", hours, hours)] if isinstance(hours, int) else []
        return found + super().amounts(params)

    def evaluate_over(self, cond, profile, lo, hi):
        done = [(e.completed, e.hours) for e in profile.education if e.topic in cond.codes]
        if not done:  # nothing that counts: the answer without the projection's set-up
            return False, 0, cond.hours, "hours", []
        years = cond.within_years

        def hours(day: int) -> float:
            first = window_start(day, years) if years else None
            return sum(h for on, h in done if on <= day and (first is None or on >= first))

        starts = []
        for on, _ in done:
            starts.append(on)
            if years:
                edge = shift_years(on, years)
                starts.extend(range(edge - 2, edge + 3))
        days = threshold_days(hours, cond.hours - EPSILON, lo, hi, starts)
        have = round(hours(lo), 1)
        return holds_from_start(days, lo), have, cond.hours, "hours", days

    def next_step(self, result, snap, profile):
        cond, when = result.condition, result.met_on
        topics = cond.phrases["topics"]
        if when is not None:
            return (
                f"Your planned education in {topics} reaches {number(cond.hours)} hours "
                f"on {long_date(when)}.",
                when,
            )
        missing = cond.hours - (result.have or 0)
        window = f" (it counts for {cond.within_years} years)" if cond.within_years else ""
        return (
            f"Complete {number(missing)} more hours of continuing education in {topics}{window}.",
            when,
        )

    def takes(self, result, snap):
        c = result.condition
        return f"{number(c.hours - (result.have or 0))} more CE hours in {c.phrases['topics']}"


KIND = Education(
    "education",
    "Continuing education",
    (
        hours_param(),
        Param(
            "topics",
            "codes",
            "In one of these topics",
            "ce_topics",
            required=True,
            default=(),
        ),
        within_years_param("education completed"),
    ),
)
