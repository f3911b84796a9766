"""Who each attestation question of the About step concerns, read from the certifications that
require it (no code of an attestation here): a question only the social work or the disability
management credentials ask is not put to everyone (a nurse is not asked to sign the social
workers' code). The audiences depend on the catalog alone, so the snapshot works them out once
(Snapshot.attestation_audiences); `attestations_asked` then only compares a person's answers.
No Django import.
"""

from .kinds import KINDS

# The catalog arrives as an eligibility.snapshot.Snapshot, not imported here: the snapshot
# imports this module to work the audiences out once, and an import back would close a circle.


# A requirement group "narrows" who a certification is for when every one of its
# routes names a background or a role:
#   - a licence, a credential, or a degree in named fields (a degree in any field, or in any
#     health or human services field, is open to most people and does not narrow);
#   - work in roles that only certifications asking this attestation count (case management
#     is counted by most certifications, disability management by the CDMS alone).
# An attestation is asked of everyone when some certification requiring it has no narrowing
# group (the CCM's clean record); otherwise of the people whose answers so far touch a
# narrowing group of one of them (hold one of its licences, credentials or fields, or have a
# job in one of its roles).
def _conditions(cert):
    return (cond for group in cert.groups for option in group.options for cond in option.conditions)


def _requires(cert, code: str) -> bool:
    return any(KINDS[cond.kind].attestation_asked(cond) == code for cond in _conditions(cert))


def _roles_counted(certs) -> frozenset:
    return frozenset(
        role
        for cert in certs
        for cond in _conditions(cert)
        for role in KINDS[cond.kind].roles_counted(cond)
    )


def _narrows(cond, distinctive_roles: frozenset) -> bool:
    """Whether one condition names a background or a role only some people have (its kind
    says: kinds/*.py `narrows`)."""
    return KINDS[cond.kind].narrows(cond, distinctive_roles)


def _touches(cond, answers: dict) -> bool:
    """Whether the answers hold what the condition names (a licence of its types, a degree
    in its fields, one of its credentials, a job in its roles), however far from meeting it."""
    return KINDS[cond.kind].touches(cond, answers)


def attestation_audiences(snapshot) -> dict[str, list[list]]:
    """For each attestation, the narrowing conditions of each certification requiring it
    (one list a certification); an attestation no certification requires, or one that some
    certification requiring it asks of everyone, is absent (asked of everyone)."""
    audiences: dict[str, list[list]] = {}
    for code in snapshot.attestations:
        asking = [cert for cert in snapshot.certifications if _requires(cert, code)]
        others = [cert for cert in snapshot.certifications if not _requires(cert, code)]
        distinctive = _roles_counted(asking) - _roles_counted(others)
        narrowing = []
        for cert in asking:
            # A route narrows by any condition of it that narrows ("an RN licence and two
            # years' work"); a group, when every one of its routes does.
            conditions = [
                cond
                for group in cert.groups
                if group.options
                and all(
                    any(_narrows(cond, distinctive) for cond in option.conditions)
                    for option in group.options
                )
                for option in group.options
                for cond in option.conditions
                if _narrows(cond, distinctive)
            ]
            narrowing.append(conditions)
        if asking and all(narrowing):
            audiences[code] = narrowing
    return audiences


def attestations_asked(answers: dict | None, snapshot, held=()) -> list[str]:
    """The attestation codes the About step asks, in catalog order: every one for which the
    answers so far (the other steps' profile keys) make it matter, and every one already
    answered Yes (`held`, or the profile's own `attestations`), so a saved Yes is shown and
    kept. `answers` None (not known) asks them all."""
    if answers is None:
        return list(snapshot.attestations)
    held = set(held) | set(answers.get("attestations") or [])
    return [code for code in snapshot.attestations if code in held or asks(code, answers, snapshot)]


def asks(code: str, answers: dict, snapshot) -> bool:
    """Whether the About step puts attestation `code`'s question to a person with these
    answers (the other steps' profile keys), leaving aside one already answered Yes."""
    audiences = snapshot.attestation_audiences
    return code not in audiences or any(
        _touches(cond, answers) for conditions in audiences[code] for cond in conditions
    )
