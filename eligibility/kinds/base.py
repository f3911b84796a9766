"""What every condition kind is made of: its parameters (Param) and how they are checked.

Each kind is one module of this package (eligibility.kinds.licence, …) holding a `KIND`;
the package's __init__ registers them. No Django import: the engine and its tests use it in
isolation.
"""

from dataclasses import dataclass

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
)


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "codes" | "code" | "int" | "bool"
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
    """A condition kind: its code, its label in the admin and the parameters an editor sets."""

    code: str
    label: str
    params: tuple[Param, ...] = ()

    def build(self, params: dict, namer) -> dict:
        """The engine Condition's fields resolved from validated `params` against the
        snapshot `namer`'s vocabularies (codes as frozensets, ranks, settings …)."""
        return {}

    def describe(self, cond, snap) -> str:
        """The requirement in one plain sentence, from the condition's data and the snapshot
        `snap`'s names (explain.describe_condition)."""
        raise ValueError(self.code)

    def evaluate(self, cond, profile) -> tuple[bool, object, object, str | None]:
        """(met, have, need, unit) for a kind that does not change with the date. The kinds
        that do (experience, education, licence) are projected over days by the engine."""
        raise ValueError(f"unknown condition kind {self.code!r}")


MAX_HOURS = 100_000  # about fifty years of full-time work
MAX_YEARS = 50
MAX_REFERENCES = 100


def hours_param() -> Param:
    return Param("hours", "int", "At least this many hours", required=True, maximum=MAX_HOURS)


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
            if value not in vocabularies[param.vocabulary]:
                errors[path] = f"unknown {param.vocabulary.replace('_', ' ')[:-1]} {value!r}"
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
