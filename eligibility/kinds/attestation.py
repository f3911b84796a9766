"""An attestation condition: the person affirms one statement (a code of attestations)."""

from dataclasses import dataclass
from typing import ClassVar

from .base import Kind, Param, until_you
from .words import lower_first


@dataclass(frozen=True)
class Attestation(Kind):
    do_now: ClassVar[bool] = True  # a question answered now

    def build(self, params: dict, namer) -> dict:
        return {"attestation": params["attestation"]}

    def evaluate(self, cond, profile):
        have = 1 if cond.attestation in profile.attestations else 0
        return have == 1, have, 1, "attestations"

    def describe(self, cond, snap):
        return f"Affirm {lower_first(snap.attestations[cond.attestation].name)}"

    def applies_when(self, cond):
        return until_you(cond)

    def next_step(self, result, snap, profile):
        code = result.condition.attestation
        question = snap.attestations[code].question
        if profile is not None and not snap.asked(code, profile):
            # The About step puts it only to people whose answers touch what asks it (a
            # social worker is not asked about disability management): "say yes in the form"
            # would point to a question they were never shown.
            tail = (
                "The form asks this once your answers include the work or background it concerns."
            )
            return f"{question} {tail}", result.met_on
        return f"{question} If so, say yes in the form.", result.met_on

    def takes(self, result, snap):
        # Not "answer yes": the question is about the person's record, which a form cannot
        # change; the body is the one that checks it.
        name = lower_first(snap.attestations[result.condition.attestation].name)
        return f"{name}, which the certifying body checks: ask them if you are unsure"

    def attestation_asked(self, cond):
        return cond.attestation


KIND = Attestation(
    "attestation",
    "Attestation",
    (Param("attestation", "code", "Attestation", "attestations", required=True),),
)
