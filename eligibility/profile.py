"""Parse and validate a profile (docs/profile-format.md) against a catalog snapshot.

One format for the form, the CLI and the API. Every problem is reported at once, keyed by its
path (`experience[0].end`), and nothing is half-accepted: `parse_profile` either returns a whole
`Profile` or raises `ProfileError`. No Django import.
"""

import datetime as dt
from dataclasses import dataclass, field

from .snapshot import VOCABULARY_NAMES, Snapshot

MAX_ENTRIES = 100  # per list; a person's history is never this long, a hostile body may be
# Upper bounds far above any real person and far below what the engine, the database and the
# JSON encoder (64-bit integers) hold: a profile beyond them is refused, not assessed.
MAX_REFERENCES = 1_000
MAX_CE_HOURS = 10_000  # one course or entry


class ProfileError(ValueError):
    """Bad input; `errors` maps each path to a message that names the problem."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{path}: {msg}" for path, msg in errors.items()))


@dataclass(frozen=True, slots=True)
class Licence:
    type: str
    active: bool
    good_standing: bool
    expires: int | None  # date ordinal


@dataclass(frozen=True, slots=True)
class Degree:
    level: str
    field: str
    accredited: bool
    rank: int
    # Date ordinal; None when not given (rules that count work after a degree then treat it as
    # finished before any work, and say so).
    completed: int | None = None


@dataclass(frozen=True, slots=True)
class Experience:
    role: str
    setting: str
    start: int  # date ordinal
    end: int | None  # date ordinal; None means ongoing
    hours_per_week: float
    paid: bool
    supervised: bool
    supervisor_credentials: frozenset
    self_employed: bool


@dataclass(frozen=True, slots=True)
class Education:
    topic: str
    hours: float
    completed: int  # date ordinal


@dataclass(frozen=True, slots=True)
class Profile:
    as_of: int  # date ordinal
    licenses: tuple[Licence, ...]
    degrees: tuple[Degree, ...]
    credentials: frozenset
    experience: tuple[Experience, ...]
    education: tuple[Education, ...]
    references: int
    attestations: frozenset
    data: dict  # the normalised profile, every default filled in (docs/profile-format.md)
    # What a catalog works out about these answers, once per profile (Snapshot.asked): the
    # answers never change, so neither does it. Not part of the profile's value.
    derived: dict = field(default_factory=dict, compare=False, repr=False)


_MISSING = object()
DATE_MESSAGE = "must be a date like 2026-11-23"
# Far enough for any career and its five-year projection, and clear of the calendar's ends.
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2200, 12, 31)
RANGE_MESSAGE = f"must be a date between {EARLIEST} and {LATEST}"
DEGREE_AFTER_AS_OF = "is after the assessment date (as_of): add a degree once it is finished"

# Entry fields: (name, type, vocabulary or None, default or _MISSING when required)
ENTRY_FIELDS = {
    "licenses": (
        ("type", "code", "licence_types", _MISSING),
        ("active", "bool", None, True),
        ("good_standing", "bool", None, True),
        ("expires", "date?", None, None),
    ),
    "degrees": (
        ("level", "code", "degree_levels", _MISSING),
        ("field", "code", "degree_fields", _MISSING),
        ("accredited", "bool", None, True),
        ("completed", "date?", None, None),
    ),
    "experience": (
        ("role", "code", "roles", _MISSING),
        ("setting", "code", "settings", _MISSING),
        ("start", "date", None, _MISSING),
        ("end", "date?", None, None),
        ("hours_per_week", "number", None, _MISSING),
        ("paid", "bool", None, True),
        ("supervised", "bool", None, True),
        ("supervisor_credentials", "codes", "credentials", ()),
        ("self_employed", "bool", None, False),
    ),
    "education": (
        ("topic", "code", "ce_topics", _MISSING),
        ("hours", "number", None, _MISSING),
        ("completed", "date", None, _MISSING),
    ),
}
# The field names of each kind of entry, for refusing unknown ones.
ENTRY_NAMES = {key: frozenset(name for name, *_ in fields) for key, fields in ENTRY_FIELDS.items()}
TOP_LEVEL = (
    "as_of",
    "licenses",
    "degrees",
    "credentials",
    "experience",
    "education",
    "references",
    "attestations",
)


_INF = float("inf")


def _ordinal(value) -> int | None:
    """A valid date's ordinal, None for anything `_Reader._date` would refuse."""
    if isinstance(value, str) and len(value) == 10:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None
        if EARLIEST <= day <= LATEST:
            return day.toordinal()
    return None


class _Reader:
    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self.vocabularies = snapshot.profile_vocabularies
        self.errors: dict[str, str] = {}

    def fail(self, path: str, message: str) -> None:
        self.errors.setdefault(path, message)

    def read(self, path: str, value, type_: str, vocabulary: str | None):
        """Return the checked value, or _MISSING after recording an error."""
        if type_ == "bool":
            if isinstance(value, bool):
                return value
            return self._bad(path, "must be true or false")
        if type_ == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                return self._bad(path, "must be a number")
            if value != value or value in (float("inf"), float("-inf")):
                return self._bad(path, "must be a number")
            return value
        if type_ in ("date", "date?"):
            if value is None and type_ == "date?":
                return None
            return self._date(path, value)
        if type_ == "code":
            if not isinstance(value, str):
                return self._bad(path, "must be text")
            if value not in self.vocabularies[vocabulary]:
                return self._bad(path, f"unknown {VOCABULARY_NAMES[vocabulary]} {value!r}")
            return value
        if type_ == "codes":
            if not isinstance(value, list | tuple):
                return self._bad(path, "must be a list")
            if len(value) > MAX_ENTRIES:
                return self._bad(path, f"must have at most {MAX_ENTRIES} entries")
            known = self.vocabularies[vocabulary]
            if all(isinstance(v, str) and v in known for v in value):  # the usual case
                return frozenset(value)
            codes = [self.read(f"{path}[{i}]", v, "code", vocabulary) for i, v in enumerate(value)]
            return _MISSING if _MISSING in codes else frozenset(codes)
        raise AssertionError(type_)

    def _date(self, path: str, value):
        if not isinstance(value, str) or len(value) != 10:
            return self._bad(path, DATE_MESSAGE)
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return self._bad(path, DATE_MESSAGE)
        if not EARLIEST <= day <= LATEST:
            return self._bad(path, RANGE_MESSAGE)
        return day.toordinal()

    def _bad(self, path: str, message: str):
        self.fail(path, message)
        return _MISSING

    def entries(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.fail(key, "must be a list")
            return []
        if len(value) > MAX_ENTRIES:
            self.fail(key, f"must have at most {MAX_ENTRIES} entries")
            return []
        out = []
        vocabularies = self.vocabularies
        for i, raw in enumerate(value):
            path = f"{key}[{i}]"
            if not isinstance(raw, dict):
                self.fail(path, "must be an object")
                continue
            entry = {}
            known = ENTRY_NAMES[key]
            for name in raw:
                if name not in known:
                    self.fail(f"{path}.{name}", "is not a known field")
            for name, type_, vocabulary, default in ENTRY_FIELDS[key]:
                if name not in raw:
                    if default is _MISSING:
                        self.fail(f"{path}.{name}", "is required")
                    entry[name] = default if default is not _MISSING else None
                    continue
                value = raw[name]
                # The usual valid values are taken as they are, without `read`'s path and
                # call; anything else goes through `read`, which says what is wrong.
                if type_ == "bool":
                    if value is True or value is False:
                        entry[name] = value
                        continue
                elif type_ == "code":
                    if isinstance(value, str) and value in vocabularies[vocabulary]:
                        entry[name] = value
                        continue
                elif type_ == "number":
                    # An int, or a float other than NaN and infinity (which fail the range).
                    if type(value) is int or (type(value) is float and -_INF < value < _INF):
                        entry[name] = value
                        continue
                elif type_ == "codes":
                    known = vocabularies[vocabulary]
                    if (
                        type(value) is list
                        and len(value) <= MAX_ENTRIES
                        and all(isinstance(v, str) and v in known for v in value)
                    ):
                        entry[name] = frozenset(value)
                        continue
                elif type_ == "date" or type_ == "date?":
                    day = None if value is None else _ordinal(value)
                    if day is not None or type_ == "date?" and value is None:
                        entry[name] = day
                        continue
                entry[name] = self.read(f"{path}.{name}", value, type_, vocabulary)
            out.append(entry)
        return out


def parse_profile(data: object, snapshot: Snapshot, *, today: dt.date | None = None) -> Profile:
    """Validate a profile dict and return a `Profile`, or raise `ProfileError`.

    Every top-level key is optional (lists default to empty, `as_of` to `today`, `references`
    to 0); unknown keys, unknown codes, impossible values and wrong types are refused.
    """
    if not isinstance(data, dict):
        raise ProfileError({"profile": "must be an object"})
    reader = _Reader(snapshot)
    for key in data:
        if key not in TOP_LEVEL:
            reader.fail(key, "is not a known field")

    today = today or dt.date.today()
    as_of = (
        reader.read("as_of", data["as_of"], "date", None) if "as_of" in data else today.toordinal()
    )
    licenses = reader.entries(data, "licenses")
    degrees = reader.entries(data, "degrees")
    experience = reader.entries(data, "experience")
    education = reader.entries(data, "education")
    credentials = reader.read("credentials", data.get("credentials", []), "codes", "credentials")
    attestations = reader.read(
        "attestations", data.get("attestations", []), "codes", "attestations"
    )
    references = data.get("references", 0)
    if isinstance(references, bool) or not isinstance(references, int):
        reader.fail("references", "must be a whole number")
    elif references < 0:
        reader.fail("references", "must not be negative")
    elif references > MAX_REFERENCES:
        reader.fail("references", f"must be at most {MAX_REFERENCES:,}")

    for i, entry in enumerate(experience):
        hpw, start, end = entry["hours_per_week"], entry["start"], entry["end"]
        if isinstance(hpw, int | float) and not isinstance(hpw, bool) and not 1 <= hpw <= 80:
            reader.fail(f"experience[{i}].hours_per_week", "must be between 1 and 80")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            reader.fail(f"experience[{i}].end", "is before the start date")
    for i, entry in enumerate(degrees):
        # A degree counts as held on every day assessed, so one finished after as_of would be
        # counted before it exists: it is added once finished (docs/profile-format.md).
        completed = entry["completed"]
        if isinstance(completed, int) and isinstance(as_of, int) and completed > as_of:
            reader.fail(f"degrees[{i}].completed", DEGREE_AFTER_AS_OF)
    for i, entry in enumerate(education):
        hours = entry["hours"]
        if isinstance(hours, int | float) and not isinstance(hours, bool):
            if hours < 0:
                reader.fail(f"education[{i}].hours", "must not be negative")
            elif hours > MAX_CE_HOURS:
                reader.fail(f"education[{i}].hours", f"must be at most {MAX_CE_HOURS:,}")

    if reader.errors:
        raise ProfileError(reader.errors)
    return _build(
        as_of,
        licenses,
        degrees,
        credentials,
        experience,
        education,
        references,
        attestations,
        snapshot,
    )


def _iso(ordinal: int | None) -> str | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def _build(
    as_of,
    licenses,
    degrees,
    credentials,
    experience,
    education,
    references,
    attestations,
    snapshot: Snapshot,
) -> Profile:
    data = {
        "as_of": _iso(as_of),
        "licenses": [{**e, "expires": _iso(e["expires"])} for e in licenses],
        "degrees": [{**e, "completed": _iso(e["completed"])} for e in degrees],
        "credentials": sorted(credentials),
        "experience": [
            {
                **e,
                "start": _iso(e["start"]),
                "end": _iso(e["end"]),
                "supervisor_credentials": sorted(e["supervisor_credentials"]),
            }
            for e in experience
        ],
        "education": [{**e, "completed": _iso(e["completed"])} for e in education],
        "references": references,
        "attestations": sorted(attestations),
    }
    return Profile(
        as_of=as_of,
        licenses=tuple(Licence(**e) for e in licenses),
        degrees=tuple(Degree(**e, rank=snapshot.degree_levels[e["level"]].rank) for e in degrees),
        credentials=frozenset(credentials),
        experience=tuple(
            Experience(**{**e, "supervisor_credentials": frozenset(e["supervisor_credentials"])})
            for e in experience
        ),
        education=tuple(Education(**e) for e in education),
        references=references,
        attestations=frozenset(attestations),
        data=data,
    )
