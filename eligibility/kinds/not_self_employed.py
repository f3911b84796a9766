"""The not-self-employed condition: none of the person's work was self-employed."""

from dataclasses import dataclass

from .base import Kind
from .experience import job


@dataclass(frozen=True)
class NotSelfEmployed(Kind):
    def evaluate(self, cond, profile):
        return not any(e.self_employed for e in profile.experience), None, None, None

    def describe(self, cond, snap):
        return "Your case management work was not self-employed"

    def applies_when(self, cond):
        return "if your case management work was self-employed"

    def why_not(self, cond, profile, snap):
        return [
            f"You marked {job(entry, snap, profile.as_of)} as self-employed."
            for entry in profile.experience
            if entry.self_employed
        ]

    def next_step(self, result, snap, profile):
        return (
            "Your work history includes self-employment, so this route does not apply.",
            result.met_on,
        )


KIND = NotSelfEmployed("not-self-employed", "Not self-employed")
