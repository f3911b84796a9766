"""Plain-language words the condition kinds describe themselves with: numbers, lists of
names, articles, full-time durations. Pure functions of their arguments; eligibility.explain
re-exports them for everything else. No Django import.
"""

import datetime as dt
import math
from functools import lru_cache

FULL_TIME_YEAR = 2080
FULL_TIME_MONTH = FULL_TIME_YEAR / 12


@lru_cache(maxsize=8192)
def long_date(ordinal: int) -> str:
    """25 November 2026."""
    day = dt.date.fromordinal(ordinal)
    return f"{day.day} {day:%B %Y}"


@lru_cache(maxsize=8192)  # a pure function asked several times for every gap of every profile
def number(value: float) -> str:
    """A whole number with thousands separators ("4,177"): hours are counted in whole hours,
    never "4,177.1"."""
    return f"{math.floor(value + 0.5):,}"


def either(names: list[str], joiner: str = "or", separator: str = ", ") -> str:
    """ "a, b or c"; with separator "; " ("a; b; or c") for names that hold commas."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2 or separator == ", ":
        return separator.join(names[:-1]) + f" {joiner} " + names[-1]
    return separator.join(names[:-1]) + f"{separator}{joiner} " + names[-1]


def names_in(codes, vocabulary: dict) -> list[str]:
    """Names of `codes`, in the vocabulary's order."""
    if not codes:
        return []
    return [_name(term) for code, term in vocabulary.items() if code in codes]


def _name(term) -> str:
    return term if isinstance(term, str) else term.name


def lower_first(text: str) -> str:
    """Lower-case a name for use mid-sentence, leaving acronyms ("RN", "CCM") alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def inline(door: str) -> str:
    """A background's words mid-sentence: "a registered nurse (RN) licence", but a
    credential's own name as it is written ("Accredited Case Manager (ACM)", not
    "accredited Case Manager")."""
    if door.startswith(("A ", "An ")):
        return door[0].lower() + door[1:]
    return door


def capital(text: str) -> str:
    """The first letter upper-cased, the rest left as written."""
    return text[:1].upper() + text[1:]


def a_or_an(text: str) -> str:
    return ("an " if text[:1].lower() in "aeiou" else "a ") + text


@lru_cache(maxsize=8192)  # as number: asked for every gap in hours
def duration(hours: float) -> str:
    """Hours as full-time months or years, the way applicants count them: "12 months full
    time", "about 5 months full time", "3 years full time" (whole months: "about 12.8
    months" is more precise than anyone plans)."""
    months = hours / FULL_TIME_MONTH
    if months >= 24 and months % 12 == 0:
        return f"{months / 12:.0f} years full time"
    if months >= 0.95:
        return _about(months, "month")
    if hours / 40 >= 0.95:
        return _about(hours / 40, "week")
    return "less than a week full time"


def _about(amount: float, unit: str) -> str:
    """ "12 months", "about 5 months": whole units, "about" when rounded."""
    rounded = max(round(amount), 1)
    plural = "" if rounded == 1 else "s"
    prefix = "" if float(amount).is_integer() else "about "
    return f"{prefix}{rounded} {unit}{plural} full time"


def possessive(name) -> str:
    """A name with its possessive: "ANCC's", but "National Association of Social Workers'"
    (a name ending in a plural s takes the apostrophe alone; "Workers's" read wrong)."""
    text = str(name).rstrip()
    if not text:
        return text
    return f"{text}'" if text[-1] in "sS" else f"{text}'s"


def the(name) -> str:
    """A certifying body's name as said inside a sentence: "ask the National Association of
    Social Workers", "awarded by the American Nurses Credentialing Center"; a name that has
    its article already ("The Commission (formerly CCMC)") keeps it. The bodies are
    associations, boards, commissions and centres, whose names take the article ("ask
    National Association of Social Workers" read as a missing word)."""
    text = str(name).strip()
    if not text or text.lower().startswith("the "):
        return text
    return f"the {text}"
