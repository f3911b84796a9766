"""What an edit of a certification would change, before it is saved.

Sample profiles (dates relative to today, e.g. "-14m") and every saved assessment are assessed
against the published snapshot and against the edited one; the editor sees the rules in plain
language and every status that would change.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .engine import evaluate_certification
from .explain import FULL_TIME_YEAR, long_date
from .kinds import KINDS
from .profile import ProfileError, parse_profile
from .snapshot import Certification, Snapshot

SAMPLES_PATH = Path(__file__).parent / "data" / "sample_profiles.json"
RELATIVE = re.compile(r"^-(\d+)([dmy])$")
STATUS_WORDS = {
    "eligible": "eligible now",
    "eligible_later": "eligible later",
    "not_eligible": "not yet",
    "unpublished": "not published",
    "invalid": "answers no longer valid",
}


def _absolute(value, today: dt.date):
    """Turn "-14m" style dates into ISO dates relative to today, recursively."""
    if isinstance(value, dict):
        return {k: _absolute(v, today) for k, v in value.items()}
    if isinstance(value, list):
        return [_absolute(v, today) for v in value]
    if isinstance(value, str) and (match := RELATIVE.match(value)):
        amount, unit = int(match.group(1)), match.group(2)
        if unit == "d":
            return (today - dt.timedelta(days=amount)).isoformat()
        months = amount * (12 if unit == "y" else 1)
        year, month = divmod(today.month - 1 - months, 12)
        day = min(today.day, 28)
        return dt.date(today.year + year, month + 1, day).isoformat()
    return value


def sample_profiles(today: dt.date) -> list[tuple[str, dict]]:
    samples = json.loads(SAMPLES_PATH.read_text(encoding="utf-8"))
    return [(s["name"], _absolute(s["profile"], today)) for s in samples]


def rule_lines(cert: Certification | None) -> list[tuple[str, list[str]]]:
    """Each requirement group with its options' rules, in plain language."""
    if cert is None:
        return []
    lines = []
    for group in cert.groups:
        options = [
            f"{option.name}: " + "; ".join(c.text for c in option.conditions)
            if len(group.options) > 1
            else "; ".join(c.text for c in option.conditions)
            for option in group.options
        ]
        heading = f"{group.name} — any one of:" if len(group.options) > 1 else group.name
        lines.append((heading, options))
    return lines


def _find(snapshot: Snapshot, code: str) -> Certification | None:
    return next((c for c in snapshot.certifications if c.code == code), None)


def _status(profile_data: dict, snapshot: Snapshot, cert: Certification | None, today):
    """(status, words) of one profile for one certification under one snapshot."""
    if cert is None:
        return "unpublished", "not published"
    try:
        profile = parse_profile(profile_data, snapshot, today=today)
    except ProfileError:
        return "invalid", "answers no longer valid"
    result = evaluate_certification(cert, profile, snapshot)
    if result.status == "eligible_later":
        return result.status, f"eligible from {long_date(result.eligible_on)}"
    return result.status, STATUS_WORDS[result.status]


@dataclass
class Impact:
    before_rules: list[tuple[str, list[str]]]
    after_rules: list[tuple[str, list[str], bool]]  # heading, options, changed
    samples: list[tuple[str, str, str]]  # name, before, after
    saved_total: int
    saved_changed: list[tuple[str, int]]  # "eligible now → not yet", count


def impact(*, code: str, before: Snapshot, after: Snapshot, saved_profiles: list[dict],
           today: dt.date | None = None) -> Impact:  # fmt: skip
    """The edited certification's rules before and after, and whose status changes."""
    today = today or dt.date.today()
    old, new = _find(before, code), _find(after, code)
    samples = [
        (name, _status(p, before, old, today)[1], _status(p, after, new, today)[1])
        for name, p in sample_profiles(today)
    ]
    changed: dict[str, int] = {}
    for profile in saved_profiles:
        was, _ = _status(profile, before, old, today)
        now, _ = _status(profile, after, new, today)
        # Statuses, not dates: a projected date moving is not a change of status.
        if was != now:
            key = f"{STATUS_WORDS[was]} → {STATUS_WORDS[now]}"
            changed[key] = changed.get(key, 0) + 1
    before_rules = rule_lines(old)
    return Impact(
        before_rules=before_rules,
        after_rules=[
            (heading, options, bool(before_rules) and (heading, options) not in before_rules)
            for heading, options in rule_lines(new)
        ],
        samples=samples,
        saved_total=len(saved_profiles),
        saved_changed=sorted(changed.items()),
    )


# --- names that contradict their numbers -----------------------------------------------------

HOURS_PER_YEAR = FULL_TIME_YEAR  # full time (docs/engine-rules.md)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
STATED = re.compile(
    r"(?P<before>\b(?:last|past|within)\s+)?"
    r"\b(?P<number>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")"
    r"\s+(?:full[- ]time\s+)?(?P<unit>months?|years?|hours?|references?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameMismatch:
    """A group's or route's name stating a number its rules do not have."""

    group: str
    route: str | None  # None: the group's own name
    stated: str  # "12 months"
    message: str  # names the row, the number it states, the number its rule has, a fix


def _whole(value: float) -> int | None:
    return round(value) if abs(value - round(value)) < 0.01 else None


def _amounts(conditions) -> dict[str, list[tuple[float, int]]]:
    """What a name may state about these conditions, by unit: (value in that unit, the
    rule's own number: hours, years of look-back or references), as each kind says."""
    found: dict[str, list[tuple[float, int]]] = {
        "hours": [], "months": [], "years": [], "look-back": [], "references": [],
    }  # fmt: skip
    for condition in conditions:
        for unit, value, own in KINDS[condition.kind].amounts(condition.params or {}):
            found[unit].append((value, own))
    return found


def _plural(number: int, unit: str) -> str:
    return f"{number:,} {unit}{'' if number == 1 else 's'}"


def _hours_words(hours: int, unit: str) -> str:
    """Hours said in the unit the editor used when that is a whole number, else in hours."""
    months, years = _whole(hours * 12 / HOURS_PER_YEAR), _whole(hours / HOURS_PER_YEAR)
    if unit == "years" and years:
        return _plural(years, "year")
    if unit in ("years", "months") and months:
        return _plural(months, "month")
    return _plural(hours, "hour")


def _check_name(name: str, conditions) -> list[tuple[str, str, str]]:
    """(what the name states, what the rule has, a name that matches) for each contradiction."""
    amounts = _amounts(conditions)
    problems = []
    for match in STATED.finditer(name):
        raw = match.group("number")
        unit = match.group("unit").lower().removesuffix("s") + "s"
        value = NUMBER_WORDS.get(raw.lower()) or int(raw.replace(",", ""))
        key = "look-back" if unit == "years" and match.group("before") else unit
        if key == "years" and not amounts["years"]:
            key = "look-back"  # "… for 3 years" over a rule that only looks back 3 years
        candidates = amounts[key]
        if not candidates or any(abs(value - have) < 0.01 for have, _ in candidates):
            continue  # no number of that kind to contradict, or it agrees
        number = candidates[0][1]
        stated = _plural(value, unit.removesuffix("s"))  # "Three references": "3 references"
        if key == "look-back":
            replacement = _plural(number, "year")
            has = f"hours from the last {replacement}"
        elif key == "references":
            has = replacement = _plural(number, "reference")
        else:
            has, replacement = _plural(number, "hour"), _hours_words(number, unit)
            if key != "hours":
                stated += (
                    f" ({round(value * HOURS_PER_YEAR / (12 if key == 'months' else 1)):,} hours)"
                )
        start = match.start("number")
        suggestion = name[:start] + replacement + name[match.end() :]
        problems.append((stated, has, suggestion[:1].upper() + suggestion[1:]))
    return problems


def name_mismatches(cert: Certification | None) -> list[NameMismatch]:
    """Group and route names of `cert` that state a number of months, years, hours or
    references their conditions contradict ("12 months" over a 1,500-hour rule)."""
    if cert is None:
        return []
    found = []
    for group in cert.groups:
        rows = [(None, group.name, [c for o in group.options for c in o.conditions])]
        rows += [(option.name, option.name, option.conditions) for option in group.options]
        for route, name, conditions in rows:
            for stated, has, suggestion in _check_name(name, conditions):
                what = f"the route “{route}”" if route else f"the requirement “{group.name}”"
                message = (
                    f"{group.name}: {what} says {stated}, but its rule needs {has}. "
                    f"Rename it so that the name matches, e.g. “{suggestion}”."
                )
                found.append(NameMismatch(group.name, route, stated, message))
    return found
