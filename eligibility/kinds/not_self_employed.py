"""The not-self-employed condition: none of the person's work was self-employed."""

from dataclasses import dataclass

from .base import Kind


@dataclass(frozen=True)
class NotSelfEmployed(Kind):
    def evaluate(self, cond, profile):
        return not any(e.self_employed for e in profile.experience), None, None, None


KIND = NotSelfEmployed("not-self-employed", "Not self-employed")
