"""A references condition: at least a number of references."""

from dataclasses import dataclass

from .base import MAX_REFERENCES, Kind, Param


@dataclass(frozen=True)
class References(Kind):
    def build(self, params: dict, namer) -> dict:
        return {"count": params["count"]}

    def evaluate(self, cond, profile):
        return profile.references >= cond.count, profile.references, cond.count, "references"

    def describe(self, cond, snap):
        return (
            f"At least {cond.count} references from people or organisations who used your services"
        )


KIND = References(
    "references",
    "References",
    (
        Param(
            "count",
            "int",
            "At least this many references",
            required=True,
            maximum=MAX_REFERENCES,
        ),
    ),
)
