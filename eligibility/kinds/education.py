"""A continuing-education condition: hours in some topics, maybe within the last N years."""

from dataclasses import dataclass

from .base import Kind, Param, hours_param, within_years_param
from .words import either, names_in, number


@dataclass(frozen=True)
class Education(Kind):
    def build(self, params: dict, namer) -> dict:
        return {
            "hours": params["hours"],
            "codes": frozenset(params["topics"]),
            "within_years": params["within_years"],
        }

    def describe(self, cond, snap):
        topics = either([n.lower() for n in names_in(cond.codes, snap.ce_topics)])
        text = f"At least {number(cond.hours)} hours of continuing education in {topics}"
        if cond.within_years:
            text += f", completed within the last {cond.within_years} years"
        return text


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
