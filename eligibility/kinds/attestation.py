"""An attestation condition: the person affirms one statement (a code of attestations)."""

from dataclasses import dataclass

from .base import Kind, Param


@dataclass(frozen=True)
class Attestation(Kind):
    def build(self, params: dict, namer) -> dict:
        return {"attestation": params["attestation"]}

    def evaluate(self, cond, profile):
        have = 1 if cond.attestation in profile.attestations else 0
        return have == 1, have, 1, "attestations"

    def describe(self, cond, snap):
        return f"Affirm {snap.attestations[cond.attestation].name.lower()}"


KIND = Attestation(
    "attestation",
    "Attestation",
    (Param("attestation", "code", "Attestation", "attestations", required=True),),
)
