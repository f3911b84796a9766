"""The fixed set of condition kinds and the parameters an editor sets for each.

The kinds are code (the engine knows how to evaluate each); their parameters are data. This
module is the single description of those parameters: the catalog loader validates against
it, the export writes parameters in its order, and the admin builds its form fields from it.
No Django import: the engine and its tests use it in isolation.
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
    code: str
    label: str
    params: tuple[Param, ...] = ()


MAX_HOURS = 100_000  # about fifty years of full-time work
MAX_YEARS = 50
MAX_REFERENCES = 100


def _hours() -> Param:
    return Param("hours", "int", "At least this many hours", required=True, maximum=MAX_HOURS)


def _within_years(what: str) -> Param:
    return Param(
        "within_years",
        "int",
        f"Only {what} in the last N years (blank: any time)",
        maximum=MAX_YEARS,
    )


KINDS: dict[str, Kind] = {
    kind.code: kind
    for kind in (
        Kind(
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
            ),
        ),
        Kind(
            "degree",
            "Degree",
            (
                Param("min_level", "code", "Minimum degree level", "degree_levels", required=True),
                Param("fields", "codes", "In one of these fields", "degree_fields", default=()),
                Param(
                    "hhs_fields", "bool", "…or any health and human services field", default=False
                ),
                Param("accredited", "bool", "From an accredited school", default=False),
            ),
        ),
        Kind(
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
        ),
        Kind(
            "experience",
            "Work experience",
            (
                _hours(),
                Param(
                    "roles", "codes", "In one of these roles", "roles", required=True, default=()
                ),
                Param("settings", "codes", "Only in these settings", "settings", default=()),
                Param(
                    "health_care_delivery",
                    "bool",
                    "Only in health care delivery settings",
                    default=False,
                ),
                Param("paid", "bool", "Only paid work", default=False),
                Param("supervised", "bool", "Only supervised work", default=False),
                Param(
                    "supervisor_credentials",
                    "codes",
                    "Supervisor holds one of these credentials",
                    "credentials",
                    default=(),
                ),
                _within_years("hours"),
            ),
        ),
        Kind(
            "education",
            "Continuing education",
            (
                _hours(),
                Param(
                    "topics",
                    "codes",
                    "In one of these topics",
                    "ce_topics",
                    required=True,
                    default=(),
                ),
                _within_years("education completed"),
            ),
        ),
        Kind(
            "references",
            "References",
            (
                Param(
                    "count",
                    "int",
                    "At least this many references",
                    required=True,
                    maximum=MAX_REFERENCES,
                ),
            ),
        ),
        Kind("not-self-employed", "Not self-employed"),
        Kind(
            "attestation",
            "Attestation",
            (Param("attestation", "code", "Attestation", "attestations", required=True),),
        ),
    )
}


def clean_params(
    kind_code: str, params: object, vocabularies: dict[str, set[str]]
) -> tuple[dict, dict[str, str]]:
    """Validate one condition's parameters; return (normalised params, errors by key).

    Normalised params carry every parameter of the kind, in the kind's order, with defaults
    filled in, so that export is canonical.
    """
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
