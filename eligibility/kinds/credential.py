"""A credential condition: holding one of the listed certifications or outside credentials."""

from dataclasses import dataclass

from .base import Background, Param, until_you
from .words import capital, either, names_in


def soonest(codes, others: dict):
    """Of these credential codes, the certification (its result among `others`) this person
    can sit for soonest, or None."""
    reachable = [others[c] for c in sorted(codes) if c in others and others[c].eligible_on]
    return min(reachable, key=lambda r: r.eligible_on, default=None)


# What a person does to hold an outside credential, by the word its name ends with in the
# catalog's vocabulary ("ASWB Bachelors exam (passed)"); a certification is held.
VERBS = {" (passed)": "pass the ", " (completed)": "complete "}


def held(names: list[str]) -> str:
    """ "Hold Accredited Case Manager (ACM)", "Pass the ASWB Bachelors exam or the ASWB
    Masters exam", "Complete AAMCN's … course": one verb when every name takes the same one."""
    phrases = []
    for name in names:
        verb = "hold "
        for ending, doing in VERBS.items():
            if name.endswith(ending):
                verb, name = doing, name[: -len(ending)]
                break
        phrases.append((verb, name))
    if len({verb for verb, _ in phrases}) == 1:
        verb = phrases[0][0]
        article = "the " if verb.endswith(" the ") else ""  # "the ASWB Masters exam" too
        names = [phrases[0][1]] + [article + name for _, name in phrases[1:]]
        return capital(verb + either(names))
    return capital(either([verb + name for verb, name in phrases]))


@dataclass(frozen=True)
class Credential(Background):
    def build(self, params: dict, namer) -> dict:
        return {"codes": frozenset(params["credentials"])}

    def evaluate(self, cond, profile):
        have = len(profile.credentials & cond.codes)
        return have >= 1, have, 1, "credentials"

    def describe(self, cond, snap):
        return held(names_in(cond.codes, snap.credential_names))

    def applies_when(self, cond):
        return until_you(cond)

    def earned_through(self, cond, others):
        return soonest(cond.codes, others)

    def doors(self, cond, snap):
        return [
            {"text": name, "kind": self.code, "code": code}
            for code, name in snap.credential_names.items()
            if code in cond.codes
        ]

    def shut(self, result, profile, others):
        """A credential that is no certification the person can sit for within the horizon."""
        return not any(others.get(c) and others[c].eligible_on for c in result.condition.codes)

    def narrows(self, cond, distinctive_roles):
        return bool(cond.codes)

    def touches(self, cond, answers):
        return bool(cond.codes & set(answers.get("credentials") or []))


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
