"""Days as sorted disjoint intervals, and the calendar arithmetic the dated kinds need.

A dated kind (experience, education, licence) answers with the set of days in [lo, hi] on which
it holds, as inclusive ordinal intervals, without stepping day by day: between two "events" (a
job starting or ending, a window edge passing one of them, a leap day) its value only rises or
only falls, and `threshold_days` finds where a threshold is crossed by binary search. The
engine intersects and unites these sets. Pure functions; no Django import.
"""

import datetime as dt
from functools import lru_cache

Intervals = list[tuple[int, int]]  # sorted, disjoint, inclusive day ordinals, all in [lo, hi]

# Hours are compared as hours × 7 (hours_per_week × days) to stay in whole numbers where the
# input is whole; the tolerance only absorbs float noise from fractional weekly hours.
EPSILON = 1e-6


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
def leap_edges(lo: int, hi: int) -> tuple[int, ...]:
    """Days around the end of February, where a years-long window stops sliding evenly."""
    edges = []
    for year in range(dt.date.fromordinal(lo).year, dt.date.fromordinal(hi).year + 1):
        march = dt.date(year, 3, 1).toordinal()
        edges.extend((march - 2, march - 1, march, march + 1))
    return tuple(edges)


def holds_from_start(days: Intervals, lo: int) -> bool:
    """Whether a set of days in [lo, hi] holds on its first day, `lo` (today)."""
    return bool(days) and days[0][0] == lo


def intersect(a: Intervals, b: Intervals) -> Intervals:
    """The days in both sets."""
    # Asked some seventy times a profile, mostly of one or two intervals: lengths read once,
    # comparisons instead of max() and min() calls.
    out: Intervals = []
    i, j, na, nb = 0, 0, len(a), len(b)
    while i < na and j < nb:
        a_lo, a_hi = a[i]
        b_lo, b_hi = b[j]
        lo = a_lo if a_lo > b_lo else b_lo
        hi = a_hi if a_hi < b_hi else b_hi
        if lo <= hi:
            out.append((lo, hi))
        if a_hi < b_hi:
            i += 1
        else:
            j += 1
    return out


def unite(sets: list[Intervals]) -> Intervals:
    """The days in any of the sets, touching intervals merged."""
    spans = sorted([span for s in sets for span in s])
    out: Intervals = []
    for lo, hi in spans:
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def threshold_days(value, need: float, lo: int, hi: int, starts) -> Intervals:
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
