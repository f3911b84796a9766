"""A continuing-education condition: hours in some topics, maybe within the last N years."""

from dataclasses import dataclass

from .base import Kind, Param, hours_param, within_years_param


@dataclass(frozen=True)
class Education(Kind):
    def build(self, params: dict, namer) -> dict:
        return {
            "hours": params["hours"],
            "codes": frozenset(params["topics"]),
            "within_years": params["within_years"],
        }


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
