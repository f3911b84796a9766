"""The not-self-employed condition: none of the person's work was self-employed."""

from dataclasses import dataclass

from .base import Kind


@dataclass(frozen=True)
class NotSelfEmployed(Kind):
    def evaluate(self, cond, profile):
        return not any(e.self_employed for e in profile.experience), None, None, None

    def describe(self, cond, snap):
        return "Your case management work was not self-employed"


KIND = NotSelfEmployed("not-self-employed", "Not self-employed")
