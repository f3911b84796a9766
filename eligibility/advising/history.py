"""What changed between two assessments of a client, in plain words."""

import json

from ..snapshot import Snapshot
from .summaries import standing

ENTRY_KEYS = {
    "licenses": "licence",
    "degrees": "degree",
    "experience": "job",
    "education": "course",
}


def _name(snapshot: Snapshot, vocabulary: str, code) -> str:
    term = snapshot.vocabulary(vocabulary).get(code)
    return getattr(term, "name", term) or str(code)


def describe_entry(key: str, entry: dict, snapshot: Snapshot) -> str:
    """A one-line label for a profile entry ("Nurse case manager, Hospital, from 2023-01-01")."""
    if key == "licenses":
        state = "active" if entry.get("active") else "inactive"
        return f"{_name(snapshot, 'licence_types', entry.get('type'))} ({state})"
    if key == "degrees":
        level = _name(snapshot, "degree_levels", entry.get("level"))
        return f"{level} in {_name(snapshot, 'degree_fields', entry.get('field'))}"
    if key == "experience":
        role = _name(snapshot, "roles", entry.get("role"))
        setting = _name(snapshot, "settings", entry.get("setting"))
        until = entry.get("end") or "now"
        hours = entry.get("hours_per_week")
        return f"{role}, {setting}, {entry.get('start')} to {until}, {hours} h a week"
    return (
        f"{entry.get('hours')} h of {_name(snapshot, 'ce_topics', entry.get('topic'))} "
        f"({entry.get('completed')})"
    )


def _standing(item: dict | None) -> str:
    return standing(item["status"], item["eligible_on"]) if item else "not assessed"


def compare(older: dict, newer: dict, snapshot: Snapshot) -> list[str]:
    """Sentences for what moved from `older` to `newer` (each {"profile", "summary"})."""
    changes = []
    before, after = older["profile"], newer["profile"]
    for key, noun in ENTRY_KEYS.items():
        old = {json.dumps(e, sort_keys=True): e for e in before.get(key, [])}
        new = {json.dumps(e, sort_keys=True): e for e in after.get(key, [])}
        for k in new.keys() - old.keys():
            changes.append(f"Added {noun}: {describe_entry(key, new[k], snapshot)}")
        for k in old.keys() - new.keys():
            changes.append(f"Removed {noun}: {describe_entry(key, old[k], snapshot)}")
    for key, label in (("credentials", "credentials"), ("attestations", "attestations")):
        gained = set(after.get(key, [])) - set(before.get(key, []))
        lost = set(before.get(key, [])) - set(after.get(key, []))
        vocabulary = "credentials" if key == "credentials" else "attestations"
        for code in sorted(gained):
            changes.append(f"Added {label[:-1]}: {_name(snapshot, vocabulary, code)}")
        for code in sorted(lost):
            changes.append(f"Removed {label[:-1]}: {_name(snapshot, vocabulary, code)}")
    if before.get("references", 0) != after.get("references", 0):
        changes.append(f"References: {before.get('references', 0)} → {after.get('references', 0)}")
    names = {cert.code: cert.name for cert in snapshot.certifications}
    for code in sorted(set(older["summary"]) | set(newer["summary"])):
        was, now = _standing(older["summary"].get(code)), _standing(newer["summary"].get(code))
        if was != now:
            changes.append(f"{names.get(code, code)}: {was} → {now}")
    return changes
