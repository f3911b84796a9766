"""Evaluate a profile against the catalog and project when each requirement will hold.

The contract is docs/engine-rules.md. For every condition the engine computes the set of days in
[as_of, as_of + 1,826] on which it holds, as sorted disjoint intervals, without stepping day
by day: hours of work are piecewise linear in the date (a job adds hours each day it runs, a
look-back window drops them as it slides), so the days between two "events" (a job starting
or ending, a window edge passing one of them, a leap day) form a segment on which the hours
only rise or only fall, and a binary search finds where a threshold is crossed. Options
intersect their conditions' sets, groups unite their options', a certification intersects its
groups'; its first day is `eligible_on`. No Django import.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from . import kinds
from .profile import Profile
from .snapshot import Certification, Condition, Snapshot

HORIZON_DAYS = 1826
# Hours are compared as hours × 7 (hours_per_week × days) to stay in whole numbers where the
# input is whole; the tolerance only absorbs float noise from fractional weekly hours.
EPSILON = 1e-6

Intervals = list[tuple[int, int]]  # sorted, disjoint, inclusive day ordinals, all in [lo, hi]

# The result classes are not frozen: a frozen dataclass's __init__ costs four times as much,
# and one assessment makes about fifty of them. Nothing changes them after they are made.


@dataclass(slots=True)
class ConditionResult:
    condition: Condition
    met: bool
    have: float | int | None
    need: float | int | None
    unit: str | None
    days: Intervals
    # What was asked, so that an explanation can say which of the person's entries did not
    # count and why (explain.gap); not part of the answer, so not compared.
    profile: Profile | None = field(default=None, compare=False, repr=False)
    snapshot: Snapshot | None = field(default=None, compare=False, repr=False)

    @property
    def met_on(self) -> int | None:
        return self.days[0][0] if self.days else None


@dataclass(slots=True)
class OptionResult:
    code: str
    name: str
    met: bool
    days: Intervals
    conditions: tuple[ConditionResult, ...]

    @property
    def met_on(self) -> int | None:
        return self.days[0][0] if self.days else None


@dataclass(slots=True)
class GroupResult:
    code: str
    name: str
    met: bool
    days: Intervals
    options: tuple[OptionResult, ...]
    best: OptionResult  # the route to show first (see best_option)

    @property
    def met_on(self) -> int | None:
        return self.days[0][0] if self.days else None


@dataclass(slots=True)
class CertificationResult:
    certification: Certification
    status: str  # eligible | eligible_later | not_eligible
    eligible_on: int | None
    groups: tuple[GroupResult, ...]
    application_notes: tuple[str, ...]


# --- dates --------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def shift_years(ordinal: int, years: int) -> int:
    """The same calendar day `years` later (earlier if negative); 29 February → 28 February."""
    day = dt.date.fromordinal(ordinal)
    try:
        return day.replace(year=day.year + years).toordinal()
    except ValueError:
        return day.replace(year=day.year + years, day=28).toordinal()


def window_start(day: int, years: int) -> int:
    """First day inside the look-back window (day − years, day]."""
    return shift_years(day, -years) + 1


@lru_cache(maxsize=4096)
def _leap_edges(lo: int, hi: int) -> tuple[int, ...]:
    """Days around the end of February, where a years-long window stops sliding evenly."""
    edges = []
    for year in range(dt.date.fromordinal(lo).year, dt.date.fromordinal(hi).year + 1):
        march = dt.date(year, 3, 1).toordinal()
        edges.extend((march - 2, march - 1, march, march + 1))
    return tuple(edges)


# --- interval sets ------------------------------------------------------------------------


def intersect(a: Intervals, b: Intervals) -> Intervals:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def unite(sets: list[Intervals]) -> Intervals:
    spans = sorted(span for s in sets for span in s)
    out: Intervals = []
    for lo, hi in spans:
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _threshold_days(value, need: float, lo: int, hi: int, starts) -> Intervals:
    """Days in [lo, hi] where value(day) ≥ need, given that value only rises or only falls
    between consecutive `starts` (segment boundaries)."""
    bounds = [lo, *sorted({s for s in starts if lo < s <= hi})]
    out: Intervals = []
    for i, a in enumerate(bounds):
        b = bounds[i + 1] - 1 if i + 1 < len(bounds) else hi
        at_a = value(a) >= need
        at_b = at_a if a == b else value(b) >= need
        if at_a and at_b:
            span = (a, b)
        elif at_b:  # rising through the threshold: find the first day that meets it
            x, y = a + 1, b
            while x < y:
                m = (x + y) // 2
                if value(m) >= need:
                    y = m
                else:
                    x = m + 1
            span = (x, b)
        elif at_a:  # falling: find the last day that still meets it
            x, y = a, b - 1
            while x < y:
                m = (x + y + 1) // 2
                if value(m) >= need:
                    x = m
                else:
                    y = m - 1
            span = (a, x)
        else:
            continue
        if out and span[0] <= out[-1][1] + 1:
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


# --- conditions ---------------------------------------------------------------------------


def _experience_entries(cond: Condition, profile: Profile):
    return [
        e
        for e in profile.experience
        if e.role in cond.codes
        and (cond.settings is None or e.setting in cond.settings)
        and (e.paid or not cond.paid)
        and (e.supervised or not cond.supervised)
        and (
            not cond.supervisor_credentials
            or e.supervisor_credentials & cond.supervisor_credentials
        )
    ]


def _experience(cond: Condition, profile: Profile, lo: int, hi: int) -> ConditionResult:
    entries = [(e.start, e.end, e.hours_per_week) for e in _experience_entries(cond, profile)]
    years = cond.within_years

    def weighted(day: int) -> float:  # hours × 7 worked by `day` (inside the window)
        first = window_start(day, years) if years else None
        total = 0.0
        for start, end, per_week in entries:
            last = day if end is None or end > day else end
            if first is not None and first > start:
                start = first
            if last >= start:
                total += per_week * (last - start + 1)
        return total

    need = cond.hours * 7 - EPSILON
    if not entries:
        days: Intervals = []
    elif years is None:  # hours only accumulate: one rising segment
        days = _threshold_days(weighted, need, lo, hi, ())
    else:
        starts = list(_leap_edges(lo, hi))
        for start, end, _ in entries:
            starts.append(start)
            edges = [shift_years(start, years)]
            if end is not None:
                starts.append(end + 1)
                edges.append(shift_years(end, years))
            for edge in edges:
                starts.extend(range(edge - 2, edge + 3))
        days = _threshold_days(weighted, need, lo, hi, starts)
    have = round(weighted(lo) / 7, 1) if entries else 0
    return ConditionResult(cond, _from(days, lo), have, cond.hours, "hours", days)


def _education(cond: Condition, profile: Profile, lo: int, hi: int) -> ConditionResult:
    entries = [(e.completed, e.hours) for e in profile.education if e.topic in cond.codes]
    years = cond.within_years

    def hours(day: int) -> float:
        first = window_start(day, years) if years else None
        return sum(h for done, h in entries if done <= day and (first is None or done >= first))

    if not entries:
        days: Intervals = []
    else:
        starts = []
        for done, _ in entries:
            starts.append(done)
            if years:
                edge = shift_years(done, years)
                starts.extend(range(edge - 2, edge + 3))
        days = _threshold_days(hours, cond.hours - EPSILON, lo, hi, starts)
    have = round(hours(lo), 1) if entries else 0
    return ConditionResult(cond, _from(days, lo), have, cond.hours, "hours", days)


def _licence(cond: Condition, profile: Profile, lo: int, hi: int) -> ConditionResult:
    spans = []
    for lic in profile.licenses:
        if lic.type in cond.codes and lic.active and lic.good_standing:
            end = hi if lic.expires is None else min(lic.expires, hi)
            if end >= lo:
                spans.append([(lo, end)])
    days = unite(spans)
    have = len(spans)
    return ConditionResult(cond, _from(days, lo), have, 1, "licences", days)


def _constant(cond: Condition, profile: Profile, lo: int, hi: int) -> ConditionResult:
    """Kinds that do not change with the date: each kind's module says whether it holds."""
    met, have, need, unit = kinds.KINDS[cond.kind].evaluate(cond, profile)
    return ConditionResult(cond, met, have, need, unit, [(lo, hi)] if met else [])


EVALUATORS = {"experience": _experience, "education": _education, "licence": _licence}


def _from(days: Intervals, lo: int) -> bool:
    """Whether a set of days in [lo, hi] holds on its first day, `lo` (today)."""
    return bool(days) and days[0][0] == lo


def evaluate_condition(cond: Condition, profile: Profile, lo: int, hi: int) -> ConditionResult:
    """One condition at `lo`, and the days in [lo, hi] on which it holds."""
    return EVALUATORS.get(cond.kind, _constant)(cond, profile, lo, hi)


# --- routes -------------------------------------------------------------------------------


def _gap(result: ConditionResult) -> float:
    """How far an unmet condition is from its threshold, 0..1 (1 = nothing yet)."""
    if (
        isinstance(result.need, int | float)
        and result.need
        and isinstance(result.have, int | float)
    ):
        return max(0.0, 1 - result.have / result.need)
    return 1.0


def best_option(options: list[OptionResult]) -> OptionResult:
    """The route to show first: met now, else the soonest, else the closest."""
    if len(options) == 1:
        return options[0]
    for option in options:  # the common case, and the one the key below would pick
        if option.met:
            return option

    def key(option):
        unmet = [c for c in option.conditions if not c.met]
        soon = option.met_on if option.met_on is not None else float("inf")
        return (not option.met, soon, len(unmet), sum(_gap(c) for c in unmet))

    return min(options, key=key)


# --- certifications -----------------------------------------------------------------------


def evaluate_certification(
    cert: Certification, profile: Profile, snapshot: Snapshot | None = None
) -> CertificationResult:
    """Status, `eligible_on` and the explanation tree of one certification (docs/engine-rules.md).
    With `snapshot`, each condition's result also records what was asked (for explain.gap)."""
    lo = profile.as_of
    hi = lo + HORIZON_DAYS
    groups = []
    cert_days: Intervals = [(lo, hi)]
    for group in cert.groups:
        options = []
        for option in group.options:
            conditions = [evaluate_condition(c, profile, lo, hi) for c in option.conditions]
            if snapshot is not None:
                for result in conditions:
                    result.profile, result.snapshot = profile, snapshot
            days = conditions[0].days if conditions else [(lo, hi)]
            for result in conditions[1:]:
                if not days:
                    break
                days = intersect(days, result.days)
            options.append(
                OptionResult(option.code, option.name, _from(days, lo), days, tuple(conditions))
            )
        group_days = options[0].days if len(options) == 1 else unite([o.days for o in options])
        groups.append(
            GroupResult(
                group.code,
                group.name,
                _from(group_days, lo),
                group_days,
                tuple(options),
                best_option(options),
            )
        )
        cert_days = intersect(cert_days, group_days)

    first = cert_days[0][0] if cert_days else None
    if first == lo:
        status = "eligible"
    elif first is not None:
        status = "eligible_later"
    else:
        status = "not_eligible"
    apply_on = first if first is not None else lo
    # A note's condition is asked about one day only (the day of applying), not projected.
    notes = tuple(
        note.text
        for note in cert.application_notes
        if note.unless is None
        or not evaluate_condition(note.unless, profile, apply_on, apply_on).days
    )
    return CertificationResult(cert, status, first, tuple(groups), notes)


def evaluate(profile: Profile, snapshot: Snapshot) -> list[CertificationResult]:
    """Every certification of the catalog for one profile, in catalog order."""
    return [evaluate_certification(cert, profile, snapshot) for cert in snapshot.certifications]
