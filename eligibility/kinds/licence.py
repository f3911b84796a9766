"""A licence condition: an active licence in good standing of one of the listed types."""

from dataclasses import dataclass
from typing import ClassVar

from .base import Background, Param, awards_param
from .words import a_or_an, capital, either, long_date, lower_first, names_in


@dataclass(frozen=True)
class Licence(Background):
    renews: ClassVar[bool] = True  # a licence expires

    def build(self, params: dict, namer) -> dict:
        return {"codes": frozenset(params["licence_types"])}

    def describe(self, cond, snap):
        kinds = either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.licence_types)])
        return f"An active licence in good standing as {kinds}"

    def evaluate_over(self, cond, profile, lo, hi):
        held, last = 0, None
        for lic in profile.licenses:
            if lic.type in cond.codes and lic.active and lic.good_standing:
                end = hi if lic.expires is None else min(lic.expires, hi)
                if end >= lo:
                    held += 1
                    if last is None or end > last:
                        last = end
        # Every licence held counts from today: their union is today to the last expiry.
        days = [] if last is None else [(lo, last)]
        return last is not None, held, 1, "licences", days

    def why_not(self, cond, profile, snap):
        lines = []
        for licence in profile.licenses:
            if licence.type not in cond.codes:
                continue
            name = lower_first(snap.licence_types[licence.type].name)
            problems, advice = [], ""
            if licence.expires is not None and licence.expires < profile.as_of:
                problems.append(f"expired on {long_date(licence.expires)}")
                advice = "renew it before you apply"
            if not licence.active:
                problems.append("is not active")
                advice = advice or "it must be active when you apply"
            if not licence.good_standing:
                problems.append("is not in good standing")
                advice = advice or "it must be in good standing when you apply"
            if problems:
                lines.append(f"Your {name} licence {either(problems, 'and')}; {advice}.")
        return lines

    def next_step(self, result, snap, profile):
        text = result.condition.text  # "An active licence …": lower-cased whatever follows
        return f"Hold {text[:1].lower()}{text[1:]}.", result.met_on

    def renewal(self, result, horizon_end):
        last = result.days[-1][1] if result.met else None
        if last is not None and last < horizon_end:
            return f"Renew your licence before it expires on {long_date(last)}.", last
        return None

    def doors(self, cond, snap):
        return [
            {"text": capital(a_or_an(lower_first(term.name)) + " licence"), "kind": self.code,
             "code": code}
            for code, term in snap.licence_types.items()
            if code in cond.codes
        ]  # fmt: skip

    def shut(self, result, profile, others):
        """A licence of a type the person holds none of (an expired one is renewed, not
        gained)."""
        return not any(lic.type in result.condition.codes for lic in profile.licenses)

    def narrows(self, cond, distinctive_roles):
        return bool(cond.codes)

    def touches(self, cond, answers):
        return any(lic.get("type") in cond.codes for lic in answers.get("licenses") or [])


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
        awards_param(),
    ),
)
