"""A credential condition: holding one of the listed certifications or outside credentials."""

from dataclasses import dataclass

from .base import Kind, Param


@dataclass(frozen=True)
class Credential(Kind):
    def build(self, params: dict, namer) -> dict:
        return {"codes": frozenset(params["credentials"])}


KIND = Credential(
    "credential",
    "Credential held",
    (
        Param(
            "credentials",
            "codes",
            "Credentials (any one)",
            "credentials",
            required=True,
            default=(),
        ),
    ),
)
