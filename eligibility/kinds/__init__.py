"""The fixed set of condition kinds, one module each, and the registry of them.

The kinds are code; their parameters are data. Each module (licence, degree, …) holds one
`KIND`: its parameters and their bounds, and how its parameters resolve into the engine's
condition. The catalog loader validates against them, the export writes parameters in their
order, and the admin builds its form fields from them. Adding a kind is a new module here,
listed below. No Django import: the engine and its tests use it in isolation.
"""

from . import (
    attestation,
    credential,
    degree,
    education,
    experience,
    licence,
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
