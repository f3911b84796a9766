"""Property-based tests of the eligibility engine against a naive oracle written from
docs/engine-rules.md.

The oracle below shares no code with `eligibility.engine`: it reads the profile dict itself
(docs/profile-format.md defaults), takes each condition's *raw parameters* and resolves them
with the vocabulary facts of the seeded catalog (HHS fields, health care delivery settings,
degree level order), and evaluates every group / option / condition at one single day.
`naive_first_day` then steps day by day through [as_of, as_of + 1,826].  The engine instead
works with interval sets and binary searches, so agreement between the two is a real check.

The rules of docs/engine-rules.md the oracle implements, one by one:

* hours of an experience entry at D = hours_per_week × days / 7, days = calendar days, both
  ends included, in [start, min(end, D)] ∩ (D − Y years, D] when the condition has a
  look-back of Y years (29 February minus Y years → 28 February); `end` null = ongoing;
  overlapping entries each count.  Compared as Σ hours_per_week × days ≥ hours × 7 (− 1e-6).
* a `supervisor_credentials` restriction implies supervised work whose supervisor holds one
  of the listed credentials.
* CE hours count when completed ≤ D and inside the window, if any.
* a licence counts at D when active, in good standing and (expires null or expires ≥ D).
* thresholds are met when have ≥ need; other kinds do not depend on the date.
"""

import datetime as dt
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eligibility.engine import HORIZON_DAYS, evaluate
from eligibility.profile import parse_profile
from eligibility.services import assess_profile
from eligibility.snapshot import load_seed_snapshot

# Hundreds of random profiles per property: left out of the quick run (README, "Tests").
pytestmark = pytest.mark.slow

SNAPSHOT = load_seed_snapshot()
CERT_CODES = tuple(c.code for c in SNAPSHOT.certifications)
# More work can make a person meet another certification's rules and so close a route that
# depends on not meeting them (CMAC's track 2, SPEC §3b): those certifications are not monotone.
MONOTONE_CODES = tuple(
    c.code
    for c in SNAPSHOT.certifications
    if not any(
        k.kind == "not-eligible-for" for g in c.groups for o in g.options for k in o.conditions
    )
)
EPSILON = 1e-6

# --- Seeded catalog vocabulary (written out here, not read from the engine) -----------------------
LICENCE_TYPES = ["rn", "lpn", "pharmacist", "clinical-social-worker", "social-worker", "counselor"]
DEGREE_LEVELS = ["diploma", "associate", "bachelor", "master", "doctorate"]  # ordered
HHS_FIELDS = [
    "nursing",
    "social-work",
    "counseling",
    "psychology",
    "rehabilitation",
    "rehabilitation-counseling",
    "gerontology",
    "public-health",
    "human-services",
]
DEGREE_FIELDS = [*HHS_FIELDS, "business", "other"]
ROLES = [
    "registered-nurse",
    "nurse-case-manager",
    "case-manager",
    "case-management-supervisor",
    "social-worker",
    "rehabilitation-counselor",
    "other",
]
HEALTH_CARE_DELIVERY = [
    "hospital",
    "health-system",
    "home-health",
    "post-acute",
    "behavioral-health",
]
SETTINGS = [
    *HEALTH_CARE_DELIVERY,
    "insurance",
    "community",
    "government",
    "school",
    "legal",
    "other",
]
CE_TOPICS = ["nursing-case-management", "case-management", "ethics", "other"]
ATTESTATIONS = [
    "good-moral-character",
    "crc-cacrep-program",
    "crc-supervised-internship",
    "crc-required-courses",
    "cmc-core-functions",
    "ccctm-new-applications-open",
]
HELD_CREDENTIALS = ["crc", "cdms", "ccm", "acm"]

# as_of dates around leap days and the project's usual example date
AS_OFS = ["2028-02-29", "2027-02-28", "2026-11-23", "2028-03-01", "2025-02-28"]


# --- the naive oracle -----------------------------------------------------------------------


def _ordinal(text):
    return None if text is None else dt.date.fromisoformat(text).toordinal()


@cache
def years_before(day: int, years: int) -> int:
    """`day` minus `years` calendar years; 29 February becomes 28 February."""
    d = dt.date.fromordinal(day)
    year = d.year - years
    if d.month == 2 and d.day == 29:
        try:
            return dt.date(year, 2, 29).toordinal()
        except ValueError:
            return dt.date(year, 2, 28).toordinal()
    return dt.date(year, d.month, d.day).toordinal()


class OracleProfile:
    """A profile dict (docs/profile-format.md) read with its defaults, dates as ordinals."""

    def __init__(self, data: dict):
        self.as_of = _ordinal(data["as_of"])
        self.licenses = [
            (
                lic["type"],
                lic.get("active", True),
                lic.get("good_standing", True),
                _ordinal(lic.get("expires")),
            )
            for lic in data.get("licenses", [])
        ]
        self.degrees = [
            (d["level"], d["field"], d.get("accredited", True)) for d in data.get("degrees", [])
        ]
        self.completed = [_ordinal(d.get("completed")) for d in data.get("degrees", [])]
        self.credentials = set(data.get("credentials", []))
        self.experience = [
            {
                "role": e["role"],
                "setting": e["setting"],
                "start": _ordinal(e["start"]),
                "end": _ordinal(e.get("end")),
                "hpw": e["hours_per_week"],
                "paid": e.get("paid", True),
                "supervised": e.get("supervised", True),
                "supervisor_credentials": set(e.get("supervisor_credentials", [])),
                "self_employed": e.get("self_employed", False),
            }
            for e in data.get("experience", [])
        ]
        self.education = [
            (c["topic"], c["hours"], _ordinal(c["completed"])) for c in data.get("education", [])
        ]
        self.references = data.get("references", 0)
        self.attestations = set(data.get("attestations", []))


def _experience_matches(params: dict, entry: dict) -> bool:
    if entry["role"] not in params["roles"]:
        return False
    settings_ = set(params.get("settings", []))
    if params.get("health_care_delivery", False):
        settings_ |= set(HEALTH_CARE_DELIVERY)
    if settings_ and entry["setting"] not in settings_:
        return False
    if params.get("paid", False) and not entry["paid"]:
        return False
    sup_creds = set(params.get("supervisor_credentials", []))
    if (params.get("supervised", False) or sup_creds) and not entry["supervised"]:
        return False
    return not (sup_creds and not (entry["supervisor_credentials"] & sup_creds))


def _degree_matches(params: dict, level: str, field: str, accredited: bool) -> bool:
    if DEGREE_LEVELS.index(level) < DEGREE_LEVELS.index(params["min_level"]):
        return False
    fields = set(params.get("fields", []))
    if params.get("hhs_fields", False):
        fields |= set(HHS_FIELDS)
    if fields and field not in fields:
        return False
    return accredited or not params.get("accredited", False)


def compile_condition(cond, prof: OracleProfile):
    """A function day → bool for one condition (matching entries picked once)."""
    kind, p = cond.kind, cond.params
    if kind == "experience":
        matching = [e for e in prof.experience if _experience_matches(p, e)]
        entries = [(e["start"], e["end"], e["hpw"]) for e in matching]
        rule = p.get("after_degree")
        if rule:  # SPEC §3b: only days from the earliest qualifying degree's completion
            done = [
                when
                for (level, field, _), when in zip(prof.degrees, prof.completed, strict=True)
                if DEGREE_LEVELS.index(level) >= DEGREE_LEVELS.index(rule["level"])
                and (rule["fields"] is None or field in rule["fields"])
            ]
            if not done:
                entries = []
            elif None not in done:
                since = min(done)
                entries = [(max(a, since), b, w) for a, b, w in entries]
        ongoing = [(e["start"], e["end"]) for e in matching]
        current = p.get("current", False)
        need = p["hours"] * 7 - EPSILON
        years = p.get("within_years")

        def experience(day: int) -> bool:
            first = years_before(day, years) + 1 if years else None
            total = 0.0
            for start, end, hpw in entries:
                lo = start if first is None else max(start, first)
                hi = day if end is None else min(end, day)
                if hi >= lo:
                    total += hpw * (hi - lo + 1)
            if current and not any(a <= day and (b is None or b >= day) for a, b in ongoing):
                return False
            return total >= need

        return experience
    if kind == "education":
        entries = [(hours, done) for topic, hours, done in prof.education if topic in p["topics"]]
        years = p.get("within_years")

        def education(day: int) -> bool:
            first = years_before(day, years) + 1 if years else None
            have = sum(
                hours for hours, done in entries if done <= day and (first is None or done >= first)
            )
            return have >= p["hours"] - EPSILON

        return education
    if kind == "licence":
        licences = [
            expires
            for type_, active, good, expires in prof.licenses
            if type_ in p["licence_types"] and active and good
        ]
        return lambda day: any(expires is None or expires >= day for expires in licences)
    if kind == "degree":
        value = any(_degree_matches(p, *d) for d in prof.degrees)
    elif kind == "credential":
        value = bool(prof.credentials & set(p["credentials"]))
    elif kind == "references":
        value = prof.references >= p["count"]
    elif kind == "not-self-employed":
        value = not any(e["self_employed"] for e in prof.experience)
    elif kind == "attestation":
        value = p["attestation"] in prof.attestations
    elif kind == "not-eligible-for":
        other = compile_certification(SNAPSHOT.certification(p["certification"]), prof)
        return lambda day: not _holds(other, day)
    else:
        raise AssertionError(f"oracle does not know kind {kind!r}")
    return lambda day: value


def compile_certification(cert, prof: OracleProfile):
    """[[ [condition fn, ...] per option ] per group]."""
    return [
        [[compile_condition(c, prof) for c in option.conditions] for option in group.options]
        for group in cert.groups
    ]


def _holds(compiled, day: int) -> bool:
    return all(any(all(f(day) for f in option) for option in group) for group in compiled)


def holds_on(cert, prof: OracleProfile, day: int) -> bool:
    """Every group of `cert` holds at `day` (date ordinal)."""
    return _holds(compile_certification(cert, prof), day)


def naive_first_day(cert, prof: OracleProfile) -> int | None:
    """The first day in [as_of, as_of + 1,826] on which `cert` holds, stepping day by day."""
    compiled = compile_certification(cert, prof)
    for day in range(prof.as_of, prof.as_of + HORIZON_DAYS + 1):
        if _holds(compiled, day):
            return day
    return None


# --- strategies -----------------------------------------------------------------------------


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _special_days(as_of: int) -> list[int]:
    """Leap-day neighbours and the window edges (as_of ± whole years ± 1 day)."""
    year = dt.date.fromordinal(as_of).year
    days = set()
    for y in range(year - 9, year + 4):
        march = dt.date(y, 3, 1).toordinal()
        days.update((march - 2, march - 1, march))
    d = dt.date.fromordinal(as_of)
    for k in range(-8, 4):
        try:
            edge = d.replace(year=d.year + k).toordinal()
        except ValueError:
            edge = d.replace(year=d.year + k, day=28).toordinal()
        days.update((edge - 1, edge, edge + 1))
    return sorted(days)


def day_between(as_of: int, lo: int, hi: int):
    """A day ordinal in [lo, hi], often one of the awkward ones."""
    special = [d for d in _special_days(as_of) if lo <= d <= hi]
    plain = st.integers(lo, hi)
    return st.one_of(plain, st.sampled_from(special)) if special else plain


def maybe(draw, data: dict, key: str, strategy) -> None:
    """Set `data[key]`, or leave it out so the docs/profile-format.md default applies."""
    if draw(st.integers(0, 4)) > 0:
        data[key] = draw(strategy)


HOURS_PER_WEEK = st.one_of(
    st.just(40), st.just(20), st.integers(1, 80), st.integers(2, 160).map(lambda x: x / 2)
)
YEAR = 366
CM_ROLES = ["nurse-case-manager", "case-manager", "case-management-supervisor", "registered-nurse"]


def _flag(draw, focused: bool):
    """A boolean that is nearly always true in focused profiles, fair otherwise."""
    return draw(st.integers(0, 9)) > 0 if focused else draw(st.booleans())


@st.composite
def profiles(draw, as_of_dates=AS_OFS):
    """Random valid docs/profile-format.md profiles over the seeded codes.

    Half of them are "focused": an RN in case management with CE and the attestation, so that
    `eligible` / `eligible_later` (and the look-back windows of cmgt-bc) come up often.
    """
    as_of_text = draw(st.sampled_from(as_of_dates))
    as_of = _ordinal(as_of_text)
    focused = draw(st.booleans())
    profile: dict = {"as_of": as_of_text}

    licences = []
    for i in range(draw(st.integers(1 if focused else 0, 3))):
        lic = {
            "type": "rn" if focused and i == 0 else draw(st.sampled_from(["rn", *LICENCE_TYPES]))
        }
        if focused and i == 0:
            lic["active"] = lic["good_standing"] = _flag(draw, True)
        else:
            maybe(draw, lic, "active", st.booleans())
            maybe(draw, lic, "good_standing", st.booleans())
        expiry = day_between(as_of, as_of - 3 * 365, as_of + 3 * 365).map(_iso)
        if focused and i == 0:
            expires = draw(st.one_of(st.none(), st.none(), expiry))
        else:
            expires = draw(st.one_of(st.none(), expiry))
        if expires is not None or draw(st.booleans()):
            lic["expires"] = expires
        licences.append(lic)
    profile["licenses"] = licences

    degrees = []
    for _ in range(draw(st.integers(0, 2))):
        deg = {
            "level": draw(st.sampled_from(DEGREE_LEVELS)),
            "field": draw(st.sampled_from(DEGREE_FIELDS)),
        }
        maybe(draw, deg, "accredited", st.booleans())
        # SPEC §3b: a completion date on or before as_of (or none: taken as before any work).
        maybe(draw, deg, "completed", day_between(as_of, as_of - 10 * YEAR, as_of).map(_iso))
        degrees.append(deg)
    profile["degrees"] = degrees

    profile["credentials"] = draw(st.lists(st.sampled_from(HELD_CREDENTIALS), unique=True))

    experience = []
    for _ in range(draw(st.integers(1 if focused else 0, 4))):
        start = draw(day_between(as_of, as_of - 8 * 365 - 2, as_of + 2 * 365))
        roles = ["nurse-case-manager", *CM_ROLES] if focused else ["nurse-case-manager", *ROLES]
        settings_ = HEALTH_CARE_DELIVERY if focused and _flag(draw, True) else SETTINGS
        entry = {
            "role": draw(st.sampled_from(roles)),
            "setting": draw(st.sampled_from(settings_)),
            "start": _iso(start),
            "hours_per_week": draw(HOURS_PER_WEEK),
        }
        end = draw(
            st.one_of(
                st.none(),
                st.none() if focused else day_between(as_of, start, start + 8 * YEAR),
                day_between(as_of, start, start + 8 * YEAR),
                st.just(start),
            )
        )
        if end is not None or draw(st.booleans()):
            entry["end"] = None if end is None else _iso(end)
        if focused:
            entry["paid"] = _flag(draw, True)
            entry["supervised"] = _flag(draw, True)
            entry["self_employed"] = not _flag(draw, True)
        else:
            maybe(draw, entry, "paid", st.booleans())
            maybe(draw, entry, "supervised", st.booleans())
            maybe(draw, entry, "self_employed", st.booleans())
        maybe(
            draw,
            entry,
            "supervisor_credentials",
            st.lists(st.sampled_from(HELD_CREDENTIALS), unique=True),
        )
        experience.append(entry)
    profile["experience"] = experience

    education = []
    for _ in range(draw(st.integers(1 if focused else 0, 4))):
        completed = draw(day_between(as_of, as_of - 4 * 365 - 1, as_of + 4 * 365 + 1))
        topics = ["nursing-case-management"] if focused else ["nursing-case-management", *CE_TOPICS]
        education.append(
            {
                "topic": draw(st.sampled_from(topics)),
                "hours": draw(
                    st.integers(10, 40)
                    if focused
                    else st.one_of(st.integers(0, 40), st.integers(0, 80).map(lambda x: x / 2))
                ),
                "completed": _iso(completed),
            }
        )
    profile["education"] = education

    profile["references"] = draw(st.integers(0, 5))
    profile["attestations"] = (
        ATTESTATIONS if focused and _flag(draw, True) else draw(st.sampled_from([[], ATTESTATIONS]))
    )
    # Every top-level list is optional: sometimes leave the empty ones out.
    if draw(st.booleans()):
        profile = {k: v for k, v in profile.items() if v != []}
    return profile


def assess(profile: dict) -> dict:
    return assess_profile(profile, snapshot=SNAPSHOT)


def _results(profile: dict) -> dict[str, dict]:
    return {r["certification"]: r for r in assess(profile)["results"]}


def _day(text):
    return None if text is None else _ordinal(text)


COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


# --- a. never crashes, statuses consistent --------------------------------------------------


@settings(max_examples=300, **COMMON)
@given(profiles())
def test_valid_profiles_are_assessed_with_consistent_statuses(profile):
    out = assess(profile)
    results = {r["certification"]: r for r in out["results"]}
    assert set(results) == set(CERT_CODES)
    assert len(out["results"]) == len(CERT_CODES)
    as_of = _ordinal(profile["as_of"])
    assert out["as_of"] == profile["as_of"]
    for code, r in results.items():
        on = _day(r["eligible_on"])
        if r["status"] == "eligible":
            assert on == as_of, code
        elif r["status"] == "eligible_later":
            assert on is not None and as_of < on <= as_of + HORIZON_DAYS, code
        else:
            assert r["status"] == "not_eligible", (code, r["status"])
            assert on is None, code
        # eligible ⇔ eligible_on == as_of
        assert (r["status"] == "eligible") == (on == as_of), code


# --- b. eligible_on agrees with the oracle --------------------------------------------------


@settings(max_examples=250, **COMMON)
@given(profiles())
def test_eligible_on_holds_and_the_day_before_does_not(profile):
    """Cheap check on many examples: the oracle holds on eligible_on and not the day before."""
    prof = OracleProfile(profile)
    results = _results(profile)
    for cert in SNAPSHOT.certifications:
        on = _day(results[cert.code]["eligible_on"])
        if on is None:
            continue
        assert holds_on(cert, prof, on), (cert.code, _iso(on))
        if on - 1 >= prof.as_of:
            assert not holds_on(cert, prof, on - 1), (cert.code, _iso(on - 1))
    # status at as_of itself always agrees
    for cert in SNAPSHOT.certifications:
        eligible_now = results[cert.code]["status"] == "eligible"
        assert eligible_now == holds_on(cert, prof, prof.as_of), cert.code


@settings(max_examples=60, **COMMON)
@given(profiles())
def test_eligible_on_is_the_first_day_found_by_a_day_by_day_scan(profile):
    """Full horizon scan: engine's eligible_on == oracle's first day (None ⇔ not_eligible)."""
    prof = OracleProfile(profile)
    results = _results(profile)
    for cert in SNAPSHOT.certifications:
        expected = naive_first_day(cert, prof)
        got = _day(results[cert.code]["eligible_on"])
        assert got == expected, (
            cert.code,
            results[cert.code]["status"],
            None if got is None else _iso(got),
            None if expected is None else _iso(expected),
        )


# --- c. per-condition `met` at as_of ----------------------------------------------------------


@settings(max_examples=200, **COMMON)
@given(profiles())
def test_condition_met_at_as_of_agrees_with_oracle(profile):
    prof = OracleProfile(profile)
    parsed = parse_profile(profile, SNAPSHOT)
    assert parsed.as_of == prof.as_of
    for cert_result in evaluate(parsed, SNAPSHOT):
        code = cert_result.certification.code
        groups_met = []
        for group in cert_result.groups:
            options_met = []
            for option in group.options:
                conds_met = []
                for result in option.conditions:
                    expected = compile_condition(result.condition, prof)(prof.as_of)
                    assert result.met == expected, (
                        code,
                        group.code,
                        option.code,
                        result.condition.code,
                        result.have,
                        result.need,
                    )
                    conds_met.append(expected)
                assert option.met == all(conds_met), (code, group.code, option.code)
                options_met.append(option.met)
            assert group.met == any(options_met), (code, group.code)
            groups_met.append(group.met)
        assert (cert_result.status == "eligible") == all(groups_met), code


# --- d. monotonicity ----------------------------------------------------------------------------


@settings(max_examples=150, **COMMON)
@given(profiles(), st.data())
def test_more_case_management_work_never_delays_eligibility(profile, data):
    """An extra ongoing full-time, paid, supervised nurse-case-manager job in a hospital only
    adds hours (and is not self-employed), so no eligible_on moves later — ACM above all."""
    as_of = _ordinal(profile["as_of"])
    start = data.draw(day_between(as_of, as_of - 8 * 365, as_of + 2 * 365), label="start")
    extra = {
        "role": "nurse-case-manager",
        "setting": "hospital",
        "start": _iso(start),
        "end": None,
        "hours_per_week": 40,
        "paid": True,
        "supervised": True,
        "supervisor_credentials": data.draw(
            st.lists(st.sampled_from(HELD_CREDENTIALS), unique=True), label="supervisor"
        ),
        "self_employed": False,
    }
    more = {**profile, "experience": [*profile.get("experience", []), extra]}
    before, after = _results(profile), _results(more)
    never = float("inf")
    for code in MONOTONE_CODES:
        b = _day(before[code]["eligible_on"])
        a = _day(after[code]["eligible_on"])
        assert (never if a is None else a) <= (never if b is None else b), (
            code,
            before[code]["eligible_on"],
            after[code]["eligible_on"],
        )
    # ACM explicitly (the seeded catalog: the job is in a health care delivery setting, paid,
    # supervised).
    b, a = _day(before["acm"]["eligible_on"]), _day(after["acm"]["eligible_on"])
    if b is not None:
        assert a is not None and a <= b


# --- the oracle itself, on hand-checked facts -----------------------------------------------------


def test_oracle_window_edges_on_leap_days():
    assert _iso(years_before(_ordinal("2028-02-29"), 3)) == "2025-02-28"
    assert _iso(years_before(_ordinal("2028-02-29"), 4)) == "2024-02-29"
    assert _iso(years_before(_ordinal("2026-11-23"), 3)) == "2023-11-23"


def test_oracle_on_a_hand_worked_profile():
    # 40 h/wk from 2023-01-01: 2,080 h = 364 days, first met on 2023-12-30.
    profile = {
        "as_of": "2023-06-01",
        "licenses": [{"type": "rn"}],
        "experience": [
            {
                "role": "nurse-case-manager",
                "setting": "hospital",
                "start": "2023-01-01",
                "hours_per_week": 40,
            }
        ],
    }
    prof = OracleProfile(profile)
    acm = SNAPSHOT.certification("acm")
    assert naive_first_day(acm, prof) == _ordinal("2023-12-30")
    assert _results(profile)["acm"]["eligible_on"] == "2023-12-30"


# --- leap days inside a sliding look-back window ----------------------------------------------


@st.composite
def leap_window_profiles(draw):
    """cmgt-bc profiles whose 3-year window of nurse-case-manager work is a hair's breadth from
    2,000 h: at h h/week with 14,000/1,096 ≤ h < 14,000/1,095 the work in a full window is
    enough exactly when the window (D − 3 years, D] holds a 29 February (1,096 days, not 1,095).
    Everything else cmgt-bc needs is there for the whole horizon."""
    as_of = draw(st.sampled_from(["2027-02-28", "2028-02-29", "2025-03-01", "2026-11-23"]))
    day = _ordinal(as_of)
    start = draw(day_between(day, day - 8 * 365, day - 3 * 366))
    hpw = draw(st.integers(12774, 12785).map(lambda x: x / 1000))
    experience = [
        {
            "role": "nurse-case-manager",
            "setting": "hospital",
            "start": _iso(start),
            "hours_per_week": hpw,
        }
    ]
    if draw(st.booleans()):  # a short extra job that slides out of the window
        extra_start = draw(day_between(day, day - 4 * 365, day + 365))
        extra_end = draw(day_between(day, extra_start, extra_start + 60))
        experience.append(
            {
                "role": "nurse-case-manager",
                "setting": draw(st.sampled_from(SETTINGS)),
                "start": _iso(extra_start),
                "end": _iso(extra_end),
                "hours_per_week": draw(st.integers(1, 4).map(lambda x: x / 4 + 0.75)),
            }
        )
    d = dt.date.fromordinal(day)
    education = [
        {
            "topic": "nursing-case-management",
            "hours": 30,
            "completed": dt.date(d.year + k, 1, 15).isoformat(),
        }
        for k in range(-2, 7)
    ]
    return {
        "as_of": as_of,
        "licenses": [{"type": "rn"}],
        "experience": experience,
        "education": education,
    }


@settings(max_examples=40, **COMMON)
@given(leap_window_profiles())
def test_leap_days_in_a_sliding_window(profile):
    prof = OracleProfile(profile)
    cmgt = SNAPSHOT.certification("cmgt-bc")
    got = _day(_results(profile)["cmgt-bc"]["eligible_on"])
    expected = naive_first_day(cmgt, prof)
    assert got == expected, (
        None if got is None else _iso(got),
        None if expected is None else _iso(expected),
    )
    # the condition's own day set, start to end, against the oracle day by day
    parsed = parse_profile(profile, SNAPSHOT)
    [result] = [r for r in evaluate(parsed, SNAPSHOT) if r.certification.code == "cmgt-bc"]
    [recent] = [g for g in result.groups if g.code == "recent-case-management"]
    cond = recent.options[0].conditions[0]
    oracle = compile_condition(cond.condition, prof)
    engine_days = {d for lo, hi in cond.days for d in range(lo, hi + 1)}
    for day in range(prof.as_of, prof.as_of + HORIZON_DAYS + 1):
        assert (day in engine_days) == oracle(day), _iso(day)
