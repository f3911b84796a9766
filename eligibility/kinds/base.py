"""What every condition kind is made of: its parameters (Param) and how they are checked, and
the questions the app asks of a kind (Kind), with what most kinds answer; Quantity and
Background hold what kinds of a sort share.

Each kind is one module of this package (eligibility.kinds.licence, …) holding a `KIND`;
the package's __init__ registers them. No Django import: the engine and its tests use it in
isolation.
"""

import math
from dataclasses import dataclass, field
from typing import ClassVar

from .words import lower_first, number

# Vocabulary names a "code"/"codes" parameter can draw from. "credentials" are the catalog's
# certification codes plus its external credentials.
VOCABULARIES = (
    "licence_types",
    "degree_levels",
    "degree_fields",
    "roles",
    "settings",
    "ce_topics",
    "attestations",
    "credentials",
    "certifications",
)


@dataclass(frozen=True)
class Param:
    name: str
    # "codes" | "code" | "int" | "bool" | "text" | "degree" ({"level", "fields"} or null)
    type: str
    label: str
    vocabulary: str | None = None
    required: bool = False  # for "codes": at least one; for "int": a value must be given
    default: object = None
    # For "int": the values an editor may set. The upper bounds keep every date the engine
    # shifts inside the calendar and every number it reports inside a 64-bit integer, with
    # room to spare over any real rule (the largest today: 10,400 hours, 3 years).
    minimum: int = 1
    maximum: int | None = None


@dataclass(frozen=True)
class Kind:
    """A condition kind: its code, its label in the admin and the parameters an editor sets,
    and everything the rest of the app asks of a condition of this kind. The engine, the
    explanations, the path, the results document and the rule preview call these methods and
    never test a kind's code, so a kind is added or changed in its own module.

    `cond` is the snapshot's Condition (its `params` and the fields `build` resolved); `result`
    is the engine's ConditionResult (`condition`, `met`, `have`, `need`, `unit`, `days`,
    `met_on`); `others` maps certification codes to the engine's CertificationResult for the
    same person. Days are ordinals.

    A kind whose answer depends on another certification's (not-eligible-for) names those
    codes in `depends`, which the loader walks to refuse unknown codes and cycles, and is
    handed their results by the engine, which evaluates those certifications first
    (`evaluate_given`); the kinds that do not need nothing of this.
    """

    code: str
    label: str
    params: tuple[Param, ...] = ()

    # A condition anyone can meet now, whatever their background or years of work (a course,
    # references, an answer): the results count it as done today to rank what is near.
    do_now: ClassVar[bool] = False
    # A condition that opens a certification to a background (a licence, a degree, a
    # credential held): the results list them as the doors into the certification.
    door: ClassVar[bool] = False
    # A kind whose `assumption` can say something / whose `renewal` can give a step: the
    # results document and the path ask only these (they are asked of every condition).
    assumes: ClassVar[bool] = False
    renews: ClassVar[bool] = False
    # Whether an unmet condition of this kind has words beyond its sentence: the kind words
    # a `shortfall` or a `why_not` of its own. explain.gap asks only these, as most gaps (a
    # degree, a credential, an answer) have nothing to add; found from the methods, so that
    # a kind cannot define them and be silent.
    explains: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        own = type(self)
        words = own.shortfall is not Kind.shortfall or own.why_not is not Kind.why_not
        object.__setattr__(self, "explains", words)

    # --- the rule --------------------------------------------------------------------------

    def build(self, params: dict, namer) -> dict:
        """The engine Condition's fields resolved from validated `params` against the
        snapshot `namer`'s vocabularies (codes as frozensets, ranks, settings …). A parameter
        no field fits is read from `cond.params` by the kind's own methods."""
        return {}

    def describe(self, cond, snap) -> str:
        """The requirement in one plain sentence, from the condition's data and the snapshot
        `snap`'s names (explain.describe_condition)."""
        raise ValueError(self.code)

    def phrases(self, cond, snap) -> dict[str, str]:
        """Words about the condition that depend only on the catalog, which the kind's own
        explanations, steps and reach read back from `cond.phrases`: built once with the
        snapshot (snapshot.build_condition) instead of for every profile."""
        return {}

    def amounts(self, params: dict) -> list[tuple[str, float, int]]:
        """What the name of a group or route over this condition may state about it: (unit,
        the value in that unit, the rule's own number) for "hours", "months", "years",
        "look-back" and "references" (preview.name_mismatches). A look-back period is the
        same for every kind that has one."""
        years = params.get("within_years")
        return [("look-back", years, years)] if isinstance(years, int) else []

    # --- who a question concerns (forms.attestations_asked) ------------------------------

    def attestation_asked(self, cond) -> str:
        """The attestation code a condition of this kind requires ("" for the others)."""
        return ""

    def roles_counted(self, cond) -> frozenset:
        """The roles whose work the condition counts (experience; empty for the others)."""
        return frozenset()

    def narrows(self, cond, distinctive_roles: frozenset) -> bool:
        """Whether the condition names a background or a role only some people have (a
        licence or credential it lists, a degree in named fields, a job in one of
        `distinctive_roles`): who a certification requiring an attestation is for."""
        return False

    def touches(self, cond, answers: dict) -> bool:
        """Whether the answers so far (profile keys, as the wizard holds them) hold what the
        condition names, however far from meeting it."""
        return False

    # A kind whose answer depends on other certifications' (`depends`): the engine calls
    # `evaluate_given` with their results instead of `evaluate_over`.
    needs_others: ClassVar[bool] = False

    # --- the answer ------------------------------------------------------------------------

    def depends(self, params: dict) -> tuple[str, ...]:
        """The certification codes a condition with these (validated) `params` depends on:
        the loader refuses unknown ones and cycles, the engine evaluates them first."""
        return ()

    def evaluate_given(self, cond, profile, lo: int, hi: int, others: dict) -> tuple:
        """`evaluate_over` for a kind that `needs_others`: `others` holds the results
        (engine.CertificationResult, with their `days`) of every code in `depends`."""
        raise ValueError(f"a {self.code} condition depends on no certification")

    def evaluate(self, cond, profile) -> tuple[bool, object, object, str | None]:
        """(met, have, need, unit) for a kind that does not change with the date."""
        raise ValueError(f"unknown condition kind {self.code!r}")

    def evaluate_over(self, cond, profile, lo: int, hi: int) -> tuple:
        """(met, have, need, unit, days): whether the condition holds on `lo` (today), the
        numbers behind it and the days in [lo, hi] on which it holds (sorted disjoint
        intervals, see intervals.py). A kind that does not change with the date holds on
        every day or none (`evaluate`); the dated kinds project themselves."""
        met, have, need, unit = self.evaluate(cond, profile)
        return met, have, need, unit, [(lo, hi)] if met else []

    def assumption(self, cond, profile) -> str | None:
        """What the answer for `profile` assumed that the person did not say (a degree
        without its completion date), to show beside the condition; None when nothing."""
        return None

    # --- explanations ----------------------------------------------------------------------

    def applies_when(self, cond) -> str:
        """When an application note shown unless `cond` holds applies, to follow "Applies"
        (explain.applies_when): never "unless … not"."""
        return "unless this holds: " + lower_first(cond.text)

    def shortfall(self, result) -> str | None:
        """The numbers of an unmet condition ("1,240 of 2,080 hours: 840 more"), or None for
        a kind that is not a quantity (explain.gap)."""
        return None

    def why_not(self, cond, profile, snap) -> list[str]:
        """Sentences about the person's own entries that did not meet an unmet condition
        (explain.why_not)."""
        return []

    # --- the path --------------------------------------------------------------------------

    def next_step(self, result, snap, profile) -> tuple[str, int | None]:
        """(text, day or None) of the one step that would make an unmet condition hold; with
        `profile` (or None), the step may name the person's own entries (path.condition_step)."""
        return f"{result.condition.text}.", result.met_on

    def earned_through(self, cond, others: dict):
        """The certification among `others` through which the person can meet this condition
        soonest (its result), or None: the path then dates the step by when they can sit for
        it, and looks for a sooner route through it."""
        return None

    def renewal(self, result, horizon_end: int) -> tuple[str, int] | None:
        """(text, day) of a step keeping a condition that holds today from lapsing before
        `horizon_end`, or None."""
        return None

    # --- reach: what stands between the person and a certification -------------------------

    def doors(self, cond, snap) -> list[dict]:
        """For a door kind, the backgrounds that meet the condition, one a line: {"text",
        "kind", …} with what `door_within` compares (document.doors)."""
        return []

    def door_within(self, a: dict, b: dict) -> bool:
        """Whether everyone with door `a` (one of this kind's `doors`) also passes door `b`
        of the same kind: the same code, unless a kind says more."""
        return a["code"] == b["code"]

    def shut(self, result, profile, others: dict) -> bool:
        """Whether an unmet condition needs a background the person does not have."""
        return False

    def takes(self, result, snap) -> str:
        """What a do-now condition takes, in a few words ("2 more references")."""
        raise ValueError(f"a {self.code} condition is not done now")


@dataclass(frozen=True)
class Quantity(Kind):
    """A kind whose gap is a number: hours of work or education, references."""

    def applies_when(self, cond) -> str:
        if cond.text.startswith("At least "):
            return "while you have fewer than " + cond.text.removeprefix("At least ")
        return super().applies_when(cond)

    def shortfall(self, result) -> str:
        """Whole numbers: what is had rounds down and what is missing up, so that the two add
        up to what is needed."""
        need = result.need
        have = math.floor((result.have or 0) + 1e-9)
        missing = max(math.ceil(need - have), 0)
        return f"{number(have)} of {number(need)} {result.unit}: {number(missing)} more" + (
            self.missing_words(missing)
        )

    def missing_words(self, missing: int) -> str:
        """Words after the missing number (" (about 4.8 months full time)")."""
        return ""


@dataclass(frozen=True)
class Background(Kind):
    """A kind met by something the person holds: it opens a certification to a background."""

    door: ClassVar[bool] = True

    def applies_when(self, cond) -> str:
        if cond.text[:2] in ("A ", "An"):
            return "if you hold no " + cond.text.split(" ", 1)[1]
        return super().applies_when(cond)

    def shut(self, result, profile, others: dict) -> bool:
        """A background is gained, not waited for, unless a kind says otherwise."""
        return True


def until_you(cond) -> str:
    """ "until you hold CCM", for a note shown until the person does what `cond` says."""
    return "until you " + lower_first(cond.text)


MAX_HOURS = 100_000  # about fifty years of full-time work
MAX_YEARS = 50
MAX_REFERENCES = 100


def hours_param() -> Param:
    return Param("hours", "int", "At least this many hours", required=True, maximum=MAX_HOURS)


MAX_AWARDS = 40


def awards_param() -> Param:
    """The name a certification is awarded under when the route through this condition is
    the one met (ACM-RN for the RN licence): shown in the results, blank for none."""
    return Param(
        "awards",
        "text",
        "Awarded under this name when this is the route met (blank: its own name)",
        default="",
        maximum=MAX_AWARDS,
    )


def within_years_param(what: str) -> Param:
    return Param(
        "within_years",
        "int",
        f"Only {what} in the last N years (blank: any time)",
        maximum=MAX_YEARS,
    )


def clean_params(
    kind_code: str, params: object, vocabularies: dict[str, set[str]]
) -> tuple[dict, dict[str, str]]:
    """Validate one condition's parameters; return (normalised params, errors by key).

    Normalised params carry every parameter of the kind, in the kind's order, with defaults
    filled in, so that export is canonical.
    """
    from . import KINDS  # the registry imports this module first

    kind = KINDS.get(kind_code) if isinstance(kind_code, str) else None  # a list is unhashable
    if kind is None:
        return {}, {"kind": f"unknown condition kind {kind_code!r}"}
    if not isinstance(params, dict):
        return {}, {"params": "must be an object"}
    errors: dict[str, str] = {}
    known = {p.name for p in kind.params}
    for key in params:
        if key not in known:
            errors[f"params.{key}"] = f"is not a parameter of a {kind_code} condition"
    cleaned: dict = {}
    for param in kind.params:
        path = f"params.{param.name}"
        value = params.get(param.name, param.default)
        if param.type == "bool":
            if not isinstance(value, bool):
                errors[path] = "must be true or false"
                continue
        elif param.type == "int":
            if value is None and not param.required:
                pass
            elif isinstance(value, bool) or not isinstance(value, int):
                errors[path] = "must be a whole number" if value is not None else "is required"
                continue
            elif value < param.minimum:
                at_least = f"at least {param.minimum:,}"
                errors[path] = "must be " + ("positive" if param.minimum == 1 else at_least)
                continue
            elif param.maximum is not None and value > param.maximum:
                errors[path] = f"must be at most {param.maximum:,}"
                continue
        elif param.type == "code":
            if not isinstance(value, str) or not value:
                errors[path] = "is required" if value in (None, "") else "must be text"
                continue
            if value not in _codes(vocabularies, param.vocabulary):
                errors[path] = f"unknown {param.vocabulary.replace('_', ' ')[:-1]} {value!r}"
                continue
        elif param.type == "text":
            value = "" if value is None else value
            if not isinstance(value, str):
                errors[path] = "must be text"
                continue
            if "\x00" in value or value != value.strip():
                errors[path] = "must be plain text without surrounding spaces"
                continue
            if param.maximum is not None and len(value) > param.maximum:
                errors[path] = f"must be at most {param.maximum:,} characters"
                continue
        elif param.type == "degree":
            if value is None:
                pass
            else:
                value, message = _clean_degree(value, vocabularies)
                if message:
                    errors[path] = message
                    continue
        elif param.type == "codes":
            if isinstance(value, tuple):
                value = list(value)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors[path] = "must be a list of codes"
                continue
            if param.required and not value:
                errors[path] = "needs at least one"
                continue
            unknown = [v for v in value if v not in vocabularies[param.vocabulary]]
            if unknown:
                errors[path] = f"unknown {param.vocabulary.replace('_', ' ')}: " + ", ".join(
                    unknown
                )
                continue
            if len(set(value)) != len(value):
                errors[path] = "lists a code twice"
                continue
        cleaned[param.name] = value
    return cleaned, errors


def _codes(vocabularies: dict[str, set[str]], name: str) -> set[str]:
    """One vocabulary's codes; the certifications, when not given apart (the models' codes),
    are the credentials that are not external."""
    if name == "certifications" and name not in vocabularies:
        return vocabularies["credentials"] - vocabularies.get("external_credentials", set())
    return vocabularies[name]


def _clean_degree(value: object, vocabularies: dict[str, set[str]]) -> tuple[dict, str]:
    """A "degree" parameter normalised ({"level": code, "fields": [codes] or None}) and the
    problem with it ("" when none)."""
    if not isinstance(value, dict):
        return {}, 'must be an object like {"level": "bachelor", "fields": ["social-work"]}'
    unknown = sorted(set(value) - {"level", "fields"})
    if unknown:
        return {}, "has unknown keys: " + ", ".join(unknown) + " (only level and fields)"
    level = value.get("level")
    if not isinstance(level, str) or not level:
        return {}, "level: is required (a degree level)"
    if level not in vocabularies["degree_levels"]:
        return {}, f"level: unknown degree level {level!r}"
    fields = value.get("fields")
    if fields is not None:
        if isinstance(fields, tuple):
            fields = list(fields)
        if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
            return {}, "fields: must be a list of degree fields or null (any field)"
        if not fields:
            return {}, "fields: needs at least one (or null for any field)"
        bad = [f for f in fields if f not in vocabularies["degree_fields"]]
        if bad:
            return {}, "fields: unknown degree fields: " + ", ".join(bad)
        if len(set(fields)) != len(fields):
            return {}, "fields: lists a code twice"
    return {"level": level, "fields": fields}, ""
