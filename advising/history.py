"""What changed between two assessments of a client, in plain words.

Entries are compared by value, not by how they were written down: 40 and 40.0 hours are the
same, as are a field left out and the same field spelled out with its default. An entry whose
value did not move is not mentioned; one that moved in a field or two is "Changed ..." with
those fields ("hours a week 40 → 32"); anything else was added or removed.
"""

import datetime as dt

from eligibility.explain import number, short_date
from eligibility.profile import _MISSING, ENTRY_FIELDS  # the profile format's one list of fields
from eligibility.snapshot import Snapshot

from .summaries import standing

ENTRY_KEYS = {
    "licenses": "licence",
    "degrees": "degree",
    "experience": "job",
    "education": "course",
}
# How a field is named in "hours a week 40 → 32".
FIELD_NAMES = {
    "type": "type",
    "active": "active",
    "good_standing": "in good standing",
    "expires": "expires",
    "level": "level",
    "field": "field",
    "accredited": "accredited",
    "role": "role",
    "setting": "setting",
    "start": "start",
    "end": "end",
    "hours_per_week": "hours a week",
    "paid": "paid",
    "supervised": "supervised",
    "supervisor_credentials": "supervisor's credentials",
    "self_employed": "self-employed",
    "topic": "topic",
    "hours": "hours",
    "completed": "completed",
}
DATES = ("expires", "start", "end", "completed")
# What an empty date means, per field.
EMPTY_DATES = {"end": "now", "expires": "no expiry date"}


def _name(snapshot: Snapshot, vocabulary: str, code) -> str:
    term = snapshot.vocabulary(vocabulary).get(code)
    return getattr(term, "name", term) or str(code)


def _hours(value) -> str:
    """Whole hours without ".0" (40.0 → "40"); anything not a number as it was entered."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    return str(value)


def _day(value) -> str:
    """A stored date in words ("1 Jan 2023"); anything else as it was entered."""
    try:
        return short_date(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


def describe_entry(key: str, entry: dict, snapshot: Snapshot) -> str:
    """A one-line label for a profile entry ("Nurse case manager, Hospital, 1 Jan 2023 to now,
    40 h a week")."""
    if key == "licenses":
        state = "active" if entry.get("active", True) else "inactive"
        return f"{_name(snapshot, 'licence_types', entry.get('type'))} ({state})"
    if key == "degrees":
        level = _name(snapshot, "degree_levels", entry.get("level"))
        return f"{level} in {_name(snapshot, 'degree_fields', entry.get('field'))}"
    if key == "experience":
        role = _name(snapshot, "roles", entry.get("role"))
        setting = _name(snapshot, "settings", entry.get("setting"))
        until = _day(entry["end"]) if entry.get("end") else "now"
        hours = _hours(entry.get("hours_per_week"))
        return f"{role}, {setting}, {_day(entry.get('start'))} to {until}, {hours} h a week"
    return (
        f"{_hours(entry.get('hours'))} h of "
        f"{_name(snapshot, 'ce_topics', entry.get('topic'))} ({_day(entry.get('completed'))})"
    )


def _value(value):
    """One field's value as compared: numbers by value, lists of codes as sets."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list | tuple):
        return frozenset(_value(v) for v in value)
    return value


def normalised(key: str, entry: dict) -> dict:
    """`entry` with every field of its kind present (defaults filled in) and values
    comparable; fields the format does not know are kept, so nothing is silently equal."""
    fields = {name: default for name, _, _, default in ENTRY_FIELDS[key]}
    out = {
        name: _value(entry.get(name, None if default is _MISSING else default))
        for name, default in fields.items()
    }
    out.update({name: _value(v) for name, v in entry.items() if name not in fields})
    return out


def _show(snapshot: Snapshot, key: str, field: str, value) -> str:
    """A field's value in words: names for codes, yes or no, whole hours."""
    vocabulary = next((v for n, _, v, _ in ENTRY_FIELDS[key] if n == field), None)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None or value == "":
        return EMPTY_DATES.get(field, "none")
    if isinstance(value, list | tuple | set | frozenset):
        names = sorted(_name(snapshot, vocabulary, v) for v in value) if vocabulary else value
        return ", ".join(str(n) for n in names) or "none"
    if vocabulary:
        return _name(snapshot, vocabulary, value)
    if field in DATES:
        return _day(value)
    return _hours(value)


def _differences(old: dict, new: dict) -> list[str]:
    return [f for f in dict.fromkeys([*old, *new]) if old.get(f) != new.get(f)]


def _entry_changes(key: str, noun: str, before: list, after: list, snapshot: Snapshot) -> list:
    old = [(e, normalised(key, e)) for e in before if isinstance(e, dict)]
    new = [(e, normalised(key, e)) for e in after if isinstance(e, dict)]
    # The same value on both sides is no change, whatever its position or spelling.
    for entry in list(new):
        same = next((o for o in old if o[1] == entry[1]), None)
        if same is not None:
            old.remove(same)
            new.remove(entry)
    changes = []
    # What is left pairs up when most of an entry stayed put: that is one entry changed.
    for raw, value in old:
        closest = min(new, key=lambda n: len(_differences(value, n[1])), default=None)
        fields = _differences(value, closest[1]) if closest else []
        if closest is None or 2 * len(fields) >= len(value):
            changes.append(f"Removed {noun}: {describe_entry(key, raw, snapshot)}")
            continue
        new.remove(closest)
        moved = "; ".join(
            f"{FIELD_NAMES.get(f, f)} {_show(snapshot, key, f, raw.get(f, value.get(f)))} → "
            f"{_show(snapshot, key, f, closest[0].get(f, closest[1].get(f)))}"
            for f in fields
        )
        changes.append(f"Changed {noun}: {describe_entry(key, raw, snapshot)}: {moved}")
    added = [f"Added {noun}: {describe_entry(key, raw, snapshot)}" for raw, _ in new]
    return added + changes


def _standing(item: dict | None) -> str:
    return standing(item["status"], item["eligible_on"]) if item else "not assessed"


def compare(older: dict, newer: dict, snapshot: Snapshot) -> list[str]:
    """Sentences for what moved from `older` to `newer` (each {"profile", "summary"})."""
    changes = []
    before, after = older["profile"], newer["profile"]
    for key, noun in ENTRY_KEYS.items():
        changes += _entry_changes(key, noun, before.get(key, []), after.get(key, []), snapshot)
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
