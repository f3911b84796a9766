"""A licence condition: an active licence in good standing of one of the listed types."""

from dataclasses import dataclass

from .base import Kind, Param


@dataclass(frozen=True)
class Licence(Kind):
    def build(self, params: dict, namer) -> dict:
        return {"codes": frozenset(params["licence_types"])}


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
