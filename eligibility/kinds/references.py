"""A references condition: at least a number of references."""

from dataclasses import dataclass
from typing import ClassVar

from .base import MAX_REFERENCES, Param, Quantity


def _more(count: int) -> str:
    return f"{count} more reference{'s' if count != 1 else ''}"


@dataclass(frozen=True)
class References(Quantity):
    do_now: ClassVar[bool] = True  # references can be asked for now

    def build(self, params: dict, namer) -> dict:
        return {"count": params["count"]}

    def describe(self, cond, snap):
        return (
            f"At least {cond.count} references from people or organisations who used your services"
        )

    def amounts(self, params):
        count = params.get("count")
        found = [("references", count, count)] if isinstance(count, int) else []
        return found + super().amounts(params)

    def evaluate(self, cond, profile):
        return profile.references >= cond.count, profile.references, cond.count, "references"

    def next_step(self, result, snap, profile):
        cond = result.condition
        more = _more(cond.count - (result.have or 0))
        return f"Gather {more} (you need {cond.count}).", result.met_on

    def takes(self, result, snap):
        return _more(result.condition.count - (result.have or 0))


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
