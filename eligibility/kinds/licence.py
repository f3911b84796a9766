"""A licence condition: an active licence in good standing of one of the listed types."""

from dataclasses import dataclass

from .base import Kind, Param
from .words import a_or_an, either, lower_first, names_in


@dataclass(frozen=True)
class Licence(Kind):
    def build(self, params: dict, namer) -> dict:
        return {"codes": frozenset(params["licence_types"])}

    def describe(self, cond, snap):
        kinds = either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.licence_types)])
        return f"An active licence in good standing as {kinds}"


KIND = Licence(
    "licence",
    "Licence",
    (
        Param(
            "licence_types",
            "codes",
            "Licence types (any one)",
            "licence_types",
            required=True,
            default=(),
        ),
    ),
)
