"""Evaluate a profile against the catalog and project when each requirement will hold.

The contract is docs/engine-rules.md. For every condition the engine computes the set of days in
[as_of, as_of + 1,826] on which it holds, as sorted disjoint intervals, without stepping day
by day: hours of work are piecewise linear in the date (a job adds hours each day it runs, a
look-back window drops them as it slides), so the days between two "events" (a job starting
or ending, a window edge passing one of them, a leap day) form a segment on which the hours
only rise or only fall, and a binary search finds where a threshold is crossed. Each kind's
module in eligibility.kinds projects its own conditions (kinds/intervals.py the shared day
arithmetic); the engine calls them all the same way. Options
intersect their conditions' sets, groups unite their options', a certification intersects its
groups'; its first day is `eligible_on`. No Django import.
"""

from collections.abc import Collection
from dataclasses import dataclass, field

from .kinds import KINDS
from .kinds.intervals import Intervals, intersect, unite
from .profile import Profile
from .snapshot import Certification, Condition, Snapshot

HORIZON_DAYS = 1826

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
    # The other routes as near as `best` (see best_option): alternatives, none the fastest.
    tied: tuple[OptionResult, ...] = ()

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
    days: Intervals = field(default_factory=list)  # in the horizon, when every group holds


# --- conditions ---------------------------------------------------------------------------


def evaluate_condition(
    cond: Condition,
    profile: Profile,
    lo: int,
    hi: int,
    others: dict | None = None,
    snapshot: Snapshot | None = None,
) -> ConditionResult:
    """One condition at `lo`, and the days in [lo, hi] on which it holds: its kind's module
    decides (kinds.Kind.evaluate_over). A kind depending on other certifications is handed
    their results from `others`, those missing evaluated first from `snapshot`."""
    kind = KINDS[cond.kind]
    if not kind.needs_others:
        met, have, need, unit, days = kind.evaluate_over(cond, profile, lo, hi)
        return ConditionResult(cond, met, have, need, unit, days)
    others = {} if others is None else others
    for code in kind.depends(cond.params):
        if code not in others:
            if snapshot is None:
                raise ValueError(f"a {cond.kind} condition needs the catalog to evaluate {code}")
            cert = snapshot.certification(code)
            others[code] = evaluate_certification(cert, profile, snapshot, others)
    met, have, need, unit, days = kind.evaluate_given(cond, profile, lo, hi, others)
    return ConditionResult(cond, met, have, need, unit, days)


# --- routes -------------------------------------------------------------------------------


def _gap(result: ConditionResult) -> float:
    """How far an unmet condition is from its threshold, 0..1 (1 = nothing yet)."""
    need, have = result.need, result.have
    if isinstance(need, int | float) and need and isinstance(have, int | float):
        gap = 1 - have / need
        return gap if gap > 0.0 else 0.0
    return 1.0


def best_option(options: list[OptionResult]) -> tuple[OptionResult, tuple[OptionResult, ...]]:
    """The route to show first (met now, else the soonest, else the closest), and the other
    routes as near as it (`GroupResult.tied`: as soon, as few conditions unmet, as small a sum
    of gaps), found in the same pass."""
    if len(options) == 1:
        return options[0], ()
    for option in options:  # the common case
        if option.met:
            return option, ()
    # None is met: the soonest, then the fewest conditions unmet, then the smallest sum of
    # gaps, the first route winning a tie; in one pass, the sums only for the routes that tie
    # so far (most profiles meet no route of most groups).
    inf = float("inf")
    best = options[0]
    best_soon = best.days[0][0] if best.days else inf
    best_unmet = [c for c in best.conditions if not c.met]
    best_gaps = None
    tied: list[OptionResult] = []
    for option in options[1:]:
        soon = option.days[0][0] if option.days else inf
        if soon > best_soon:
            continue
        unmet = [c for c in option.conditions if not c.met]
        if soon < best_soon or len(unmet) < len(best_unmet):
            best, best_soon, best_unmet, best_gaps, tied = option, soon, unmet, None, []
            continue
        if len(unmet) > len(best_unmet):
            continue
        if best_gaps is None:
            best_gaps = sum(_gap(c) for c in best_unmet)
        gaps = sum(_gap(c) for c in unmet)
        if gaps < best_gaps:
            best, best_unmet, best_gaps, tied = option, unmet, gaps, []
        elif gaps == best_gaps:
            tied.append(option)
    return best, tuple(tied)


# --- certifications -----------------------------------------------------------------------


def evaluate_certification(
    cert: Certification,
    profile: Profile,
    snapshot: Snapshot | None = None,
    others: dict | None = None,
    memo: dict[str, ConditionResult] | None = None,
) -> CertificationResult:
    """Status, `eligible_on` and the explanation tree of one certification (docs/engine-rules.md).
    With `snapshot`, each condition's result also records what was asked (for explain.gap),
    and a certification another depends on (not-eligible-for) is evaluated from it; `others`
    (results by code) keeps those already evaluated. `memo` (by Condition.key) keeps the
    results of conditions already evaluated for this profile: a rule several certifications
    share is evaluated once, and its result shared."""
    if memo is None:
        memo = {}
    lo = profile.as_of
    hi = lo + HORIZON_DAYS
    # What was asked is recorded only with the snapshot that explains it (explain.why_not).
    asked = profile if snapshot is not None else None
    groups = []
    cert_days: Intervals = [(lo, hi)]
    for group in cert.groups:
        options = []
        for option in group.options:
            # evaluate_condition inlined for the kinds that need no other certification: this
            # loop runs about fifty times a profile, and the call was a fifth of its cost.
            conditions = []
            days = None
            for cond in option.conditions:
                result = memo.get(cond.key)
                if result is None:
                    kind = KINDS[cond.kind]
                    if kind.needs_others:
                        result = evaluate_condition(cond, profile, lo, hi, others, snapshot)
                        result.profile, result.snapshot = asked, snapshot
                    else:
                        met, have, need, unit, held = kind.evaluate_over(cond, profile, lo, hi)
                        result = ConditionResult(cond, met, have, need, unit, held, asked, snapshot)
                    if cond.key:  # a Condition made by hand, not by the snapshot, has none
                        memo[cond.key] = result
                conditions.append(result)
                if days is None:
                    days = result.days
                elif days:
                    days = intersect(days, result.days)
            if days is None:
                days = [(lo, hi)]
            options.append(
                OptionResult(
                    option.code,
                    option.name,
                    bool(days) and days[0][0] == lo,
                    days,
                    tuple(conditions),
                )
            )
        if len(options) == 1:
            group_days, best, tied = options[0].days, options[0], ()
        else:
            group_days = unite([o.days for o in options])
            best, tied = best_option(options)
        groups.append(
            GroupResult(
                group.code,
                group.name,
                bool(group_days) and group_days[0][0] == lo,
                group_days,
                tuple(options),
                best,
                tied,
            )
        )
        if cert_days:
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
    notes = []
    for note in cert.application_notes:
        unless = note.unless
        if unless is not None:
            kind = KINDS[unless.kind]
            if kind.needs_others:
                held = evaluate_condition(unless, profile, apply_on, apply_on, others, snapshot)
                if held.days:
                    continue
            elif kind.evaluate_over(unless, profile, apply_on, apply_on)[4]:
                continue
        notes.append(note.text)
    return CertificationResult(cert, status, first, tuple(groups), tuple(notes), cert_days)


def evaluate(
    profile: Profile, snapshot: Snapshot, only: Collection[str] | None = None
) -> list[CertificationResult]:
    """Every certification of the catalog for one profile (or those in `only`), in catalog
    order. A certification another depends on is evaluated first, once (a cycle is refused
    when the catalog loads)."""
    others: dict[str, CertificationResult] = {}
    memo: dict[str, ConditionResult] = {}
    chosen = [c for c in snapshot.certifications if only is None or c.code in only]
    for cert in chosen:
        if cert.code not in others:
            others[cert.code] = evaluate_certification(cert, profile, snapshot, others, memo)
    return [others[cert.code] for cert in chosen]
