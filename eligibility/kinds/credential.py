"""A credential condition: holding one of the listed certifications or outside credentials."""

from dataclasses import dataclass

from .base import Kind, Param
from .words import either, names_in


@dataclass(frozen=True)
class Credential(Kind):
    def build(self, params: dict, namer) -> dict:
        return {"codes": frozenset(params["credentials"])}

    def evaluate(self, cond, profile):
        have = len(profile.credentials & cond.codes)
        return have >= 1, have, 1, "credentials"

    def describe(self, cond, snap):
        return "Hold " + either(names_in(cond.codes, snap.credential_names))


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
