"""A degree condition: a degree of at least a level, maybe in some fields, maybe accredited."""

from dataclasses import dataclass

from .base import Background, Param, awards_param
from .words import a_or_an, capital, either, lower_first, names_in


@dataclass(frozen=True)
class Degree(Background):
    def build(self, params: dict, namer) -> dict:
        values: dict = {"min_rank": namer.degree_levels[params["min_level"]].rank}
        if params["fields"] or params["hhs_fields"]:
            fields = set(params["fields"])
            if params["hhs_fields"]:
                fields |= {code for code, t in namer.degree_fields.items() if t.hhs}
            values["fields"] = frozenset(fields)
        values["accredited"] = params["accredited"]
        return values

    def evaluate(self, cond, profile):
        have = 0
        for d in profile.degrees:  # a loop, not sum() of a generator: asked ~10 times a profile
            if (
                d.rank >= cond.min_rank
                and (cond.fields is None or d.field in cond.fields)
                and (d.accredited or not cond.accredited)
            ):
                have += 1
        return have >= 1, have, 1, "degrees"

    def describe(self, cond, snap):
        p = cond.params
        level = snap.degree_levels[p["min_level"]].name.lower()
        text = capital(a_or_an(level)) + " or higher"
        if cond.fields is not None:
            if p["hhs_fields"] and not p["fields"]:
                text += " in a health and human services field"
            else:
                text += " in " + either(names_in(cond.fields, snap.degree_fields)).lower()
        if cond.accredited:
            text += " from an accredited school"
        return text

    def next_step(self, result, snap, profile):
        # "Earn a master's degree or higher": the requirement's words with a verb to act on.
        return "Earn " + lower_first(result.condition.text) + ".", None

    def doors(self, cond, snap):
        """One door: the degree the rule asks for, with what `door_within` compares."""
        level = next(t for t in snap.degree_levels.values() if t.rank == cond.min_rank)
        text = capital(a_or_an(lower_first(level.name))) + " or higher"
        if cond.fields is not None:
            fields = [n.lower() for n in names_in(cond.fields, snap.degree_fields)]
            if cond.params["hhs_fields"] and not cond.params["fields"]:
                text += f" in a health and human services field ({either(fields)})"
            else:
                text += " in " + either(fields)
        if cond.accredited:
            text += " from an accredited school"
        fields = None if cond.fields is None else sorted(cond.fields)
        return [
            {"text": text, "kind": self.code, "rank": cond.min_rank, "fields": fields,
             "accredited": cond.accredited}
        ]  # fmt: skip

    def door_within(self, a, b):
        """A degree passes another of at least its level, in its fields (a bachelor's in
        social work passes "a bachelor's or higher in a health and human services field")."""
        return (
            a["rank"] >= b["rank"]
            and (
                b["fields"] is None
                or (a["fields"] is not None and set(a["fields"]) <= set(b["fields"]))
            )
            and (a["accredited"] or not b["accredited"])
        )

    def narrows(self, cond, distinctive_roles):
        # "A bachelor's in a health and human services field" is open to most graduates.
        return cond.fields is not None and not cond.params.get("hhs_fields")

    def touches(self, cond, answers):
        return cond.fields is not None and any(
            d.get("field") in cond.fields for d in answers.get("degrees") or []
        )


KIND = Degree(
    "degree",
    "Degree",
    (
        Param("min_level", "code", "Minimum degree level", "degree_levels", required=True),
        Param("fields", "codes", "In one of these fields", "degree_fields", default=()),
        Param("hhs_fields", "bool", "…or any health and human services field", default=False),
        Param("accredited", "bool", "From an accredited school", default=False),
        awards_param(),
    ),
)
