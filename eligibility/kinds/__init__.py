"""The fixed set of condition kinds, one module each, and the registry of them.

The kinds are code; their parameters are data. Each module (licence, degree, …) holds one
`KIND` (base.Kind): its parameters and their bounds, how they resolve into the engine's
condition, its evaluation over days (intervals.py), its sentence, what it says of an unmet
condition, its next step and its doors into a certification. The catalog loader validates
against the parameters, the export writes them in their order, the admin builds its form
fields from them; the engine, explain, path, document and preview call the kind's methods and
never test its code. Adding a kind is a new module here, listed below, and its tests. No Django
import: the engine and its tests use it in isolation.
"""

from . import (
    attestation,
    credential,
    degree,
    education,
    experience,
    licence,
    not_eligible_for,
    not_self_employed,
    references,
)
from .base import (
    MAX_HOURS,
    MAX_REFERENCES,
    MAX_YEARS,
    VOCABULARIES,
    Kind,
    Param,
    clean_params,
)

# In the order the admin offers them.
KINDS: dict[str, Kind] = {
    module.KIND.code: module.KIND
    for module in (
        licence,
        degree,
        credential,
        experience,
        education,
        references,
        not_self_employed,
        attestation,
        not_eligible_for,
    )
}


def get(code: str) -> Kind:
    """The registered kind with this code; KeyError if there is none."""
    return KINDS[code]


__all__ = [
    "KINDS",
    "MAX_HOURS",
    "MAX_REFERENCES",
    "MAX_YEARS",
    "VOCABULARIES",
    "Kind",
    "Param",
    "clean_params",
    "get",
]
