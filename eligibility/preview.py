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
from .explain import long_date
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
    result = evaluate_certification(cert, profile)
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
