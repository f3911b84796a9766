# ruff: noqa: E501  (long scenario names read as sentences; a data table, not code)
"""Hand-worked scenarios for SPEC §3b (cdms, cmcn, c-swcm, c-aswcm, the experience kind's
`after_degree` and `current`, the `not-eligible-for` kind, cmac track 2, ACM-RN / ACM-SW).

Derived by hand from SPEC §2 "Interpretation", §3b and docs/engine-rules.md (no run of the
engine). Conventions used throughout (from docs/engine-rules.md):

- hours of an entry at D = hours_per_week x days / 7, days counted from `start` to the earlier
  of `end` and D, BOTH ENDS INCLUDED; 40 h/week x 364 days / 7 = 2,080 h exactly.
- "within the last 3 years" at D = the window (D - 3 years, D]: the first day inside is the
  same calendar day 3 years earlier PLUS ONE DAY (one year before 29 Feb is 28 Feb). For
  as_of 2026-12-01 the window is 2023-12-02 .. 2026-12-01 = 1,096 days (holds 2024-02-29).
- horizon: as_of .. as_of + 1,826 days, both included; `eligible_on` = first day on which
  every group holds at once; ongoing work continues at the same weekly hours.
- degrees, credentials, attestations, references hold on every day of the horizon or none;
  a licence holds up to and including its `expires` day.
- `current: true` (SPEC §3b): at D some entry passing the condition's other filters has
  start <= D and (end null or end >= D).
- `after_degree` (SPEC §3b): only days on or after the `completed` date of the earliest
  qualifying degree count; a qualifying degree with `completed` null means all days count
  (results say it was assumed); no qualifying degree means 0 h. Reading taken: the qualifying
  test is level and field only (not `accredited`), as the parameter names only those.
- `not-eligible-for X` holds at D when X's groups are not all met at D (eligibility, not the
  credential: holding `acm` in `credentials` does not change it).

Every profile fixes "as_of"; most use 2026-12-01. A degree's `completed` is the §3b addition
(docs/profile-format.md still says it is refused; §3b supersedes that).
Expectations list only the certifications each scenario is about; "variant" is given for acm.
"""

AS_OF = "2026-12-01"

SCENARIOS = [
    # ------------------------------------------------------------------ cdms: 36-month window
    {
        "name": "cdms is met on as_of when a current full-time disability job has given exactly 2,080 hours in the window",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [{"level": "bachelor", "field": "business", "accredited": True}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "insurance",
                    "start": "2025-12-03",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {"cdms": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Group 1 (education): accredited bachelor's, any field -> met (business counts).
Group 2: window at 2026-12-01 is 2023-12-02..2026-12-01; the job starts 2025-12-03, inside it.
  days 2025-12-03..2026-12-01 inclusive: Dec 2025 = 29 (3..31), Jan..Nov 2026 = 334, Dec 1 = 1
  -> 364 days; 40 x 364 / 7 = 2,080.0 h >= 2,080 (have >= need, exact).
  paid: true. current: the job is ongoing (end null, start <= as_of) -> met.
Group 3: attestation cdms-practice-domains listed -> met.
All groups hold on as_of -> eligible, eligible_on = as_of.
""",
    },
    {
        "name": "cdms one day short of 2,080 hours becomes eligible the next day when the job goes on",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [{"level": "bachelor", "field": "business", "accredited": True}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "employer",
                    "start": "2025-12-04",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                }
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {
            "cdms": {
                "status": "eligible_later",
                "eligible_on": "2026-12-02",
                "missing": "5.71 h (one full-time day) of disability management in the last 3 years",
            }
        },
        "why": """
Same as the exact case, but the job starts one day later, 2025-12-04.
At as_of: days 2025-12-04..2026-12-01 = 363; 40 x 363 / 7 = 2,074.29 h < 2,080 -> group 2 not met.
At 2026-12-02: days = 364 -> 2,080.0 h; window 2023-12-03..2026-12-02 still holds the whole job;
  job ongoing -> current holds; groups 1 and 3 hold every day.
First day all groups hold = 2026-12-02 -> eligible_later, eligible_on 2026-12-02.
""",
    },
    {
        "name": "cdms does not count the day exactly three years before as_of but a job started on as_of tops it up",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "insurance",
                    "start": "2023-12-01",
                    "end": "2024-11-28",
                    "hours_per_week": 40,
                    "paid": True,
                },
                {
                    "role": "disability-manager",
                    "setting": "employer",
                    "start": "2026-12-01",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                },
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {"cdms": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Group 1: RN licence active, good standing, no expiry -> met (no degree needed).
Window at 2026-12-01 = (2023-12-01, 2026-12-01] -> first day inside is 2023-12-02.
Entry A 2023-12-01..2024-11-28 has 364 days in all (2,080 h lifetime) but 2023-12-01 is OUTSIDE:
  in-window days 2023-12-02..2024-11-28 = Dec 30 + Jan..Oct 2024 305 (leap Feb 29) + Nov 28 = 363
  -> 40 x 363 / 7 = 2,074.29 h.
Entry B starts on as_of: 1 day -> 40 x 1 / 7 = 5.71 h.
Total 40 x 364 / 7 = 2,080.0 h >= 2,080 -> met; current: B ongoing and started on as_of -> met.
Group 3 attested -> eligible on as_of. (Side note for a later date: each day A loses one day to
the sliding window while B gains one, until 2027-03-01, when the window's first day jumps from
2024-02-29 to 2024-03-02 and the total drops to 363 days = 2,074.29 h; that does not change
as_of's status, which is all this scenario asserts.)
""",
    },
    {
        "name": "cdms with a future job one day too late waits until the new job alone reaches 2,080 hours",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "insurance",
                    "start": "2023-12-01",
                    "end": "2024-11-28",
                    "hours_per_week": 40,
                    "paid": True,
                },
                {
                    "role": "disability-manager",
                    "setting": "employer",
                    "start": "2026-12-02",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                },
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {
            "cdms": {
                "status": "eligible_later",
                "eligible_on": "2027-11-30",
                "missing": "a current disability-management job and 2,080 h in the last 3 years",
            }
        },
        "why": """
Same as before but job B starts 2026-12-02 (what-if).
At as_of: A gives 363 in-window days = 2,074.29 h; B not started (0 h) and no entry is ongoing at
  as_of (A ended, B starts later) -> hours short AND current fails -> not eligible today.
D = 2026-12-02 .. 2027-02-28: each day the window's first day moves one day (A loses one day) and
  B gains one: A + B = 363 days = 2,074.29 h -> short.
D = 2027-03-01: D - 3 years = 2024-03-01, first day inside 2024-03-02; the day before (D=2027-02-28)
  the first day was 2024-02-29. A loses TWO days (2024-02-29, 2024-03-01), B gains one -> 362 days
  = 2,068.57 h, and stays 362 while A is partly inside.
D = 2027-11-27: first day 2024-11-28 -> A 1 day + B 2026-12-02..2027-11-27 = 361 days -> 362.
D = 2027-11-28: A is out (first day 2024-11-29 > A's end); B = 362 days. 2027-11-29: 363 days.
D = 2027-11-30: B = 2026-12-02..2027-11-30 = 364 days -> 2,080.0 h; B ongoing -> current holds.
Groups 1 and 3 hold every day -> eligible_later, eligible_on 2027-11-30.
""",
    },
    {
        "name": "cdms part-time 13 hours a week for years never reaches 2,080 hours inside a 3-year window",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [{"level": "bachelor", "field": "psychology", "accredited": True}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "employer",
                    "start": "2015-01-05",
                    "end": None,
                    "hours_per_week": 13,
                    "paid": True,
                }
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {
            "cdms": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "about 45 h more disability management within the last 3 years",
            }
        },
        "why": """
Lifetime hours at as_of: 2015-01-05..2026-12-01 = 4,349 days -> 13 x 4,349 / 7 = 8,076.7 h, but the
condition only counts the window. A 3-year window holds at most 1,096 days (1,095 when it has no
29 Feb). At as_of: 1,096 days -> 13 x 1,096 / 7 = 2,035.43 h < 2,080.
Over the whole horizon (to 2031-12-02) the window is never longer than 1,096 days, so the most it
can ever hold is 2,035.43 h -> group 2 never holds even though the job is current.
-> not_eligible, eligible_on null. (At 14 h/week even a 1,095-day window would give 2,190 h.)
""",
    },
    # ------------------------------------------------------------------ cdms: current
    {
        "name": "cdms is not eligible when the disability job has ended even with enough hours in the window",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "insurance",
                    "start": "2024-01-08",
                    "end": "2026-06-26",
                    "hours_per_week": 40,
                    "paid": True,
                }
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {
            "cdms": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "a current (ongoing) disability-management job",
            }
        },
        "why": """
Group 1: RN licence -> met. Group 3: attested.
Group 2 hours: window at as_of 2023-12-02..2026-12-01 holds the whole job 2024-01-08..2026-06-26
  = 901 days -> 40 x 901 / 7 = 5,148.57 h >= 2,080 (hours part met).
current: needs an entry passing the filters (disability-manager, paid) that is ongoing at D:
  the only one ended 2026-06-26 < as_of, and the projection adds no new work (nothing changes but
  time), so at no D in the horizon is an entry ongoing -> group 2 never holds.
(The hours would slide out anyway: from 2029-06-26 the window starts 2026-06-27, after the job.)
-> not_eligible, eligible_on null; what is missing is a current job, not hours.
""",
    },
    {
        "name": "cdms after an ended job becomes eligible on the first day of a planned new disability job",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "insurance",
                    "start": "2024-01-08",
                    "end": "2026-06-26",
                    "hours_per_week": 40,
                    "paid": True,
                },
                {
                    "role": "disability-manager",
                    "setting": "employer",
                    "start": "2027-01-04",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                },
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {"cdms": {"status": "eligible_later", "eligible_on": "2027-01-04"}},
        "why": """
As the ended-job case, plus a job planned from 2027-01-04 (start after as_of is allowed).
D in as_of..2027-01-03: no entry ongoing (old one ended, new one not begun) -> current fails.
D = 2027-01-04: new job start <= D, end null -> current holds.
  window (2024-01-04, 2027-01-04] -> first day 2024-01-05; old job 2024-01-08..2026-06-26 still all
  inside = 901 days, new job 1 day -> 902 days -> 40 x 902 / 7 = 5,154.29 h >= 2,080.
Groups 1 and 3 hold every day -> eligible_later, eligible_on 2027-01-04.
""",
    },
    # ------------------------------------------------------------------ cdms: education group
    {
        "name": "cdms accepts an RN licence in place of a bachelor's degree",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
            "degrees": [{"level": "associate", "field": "nursing", "accredited": True}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "employer",
                    "start": "2024-03-04",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                }
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {"cdms": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Group 1: the associate degree is below bachelor -> degree option fails; RN licence option holds.
Group 2: job 2024-03-04..as_of all inside the window (first day 2023-12-02): 1,003 days ->
  40 x 1,003 / 7 = 5,731.43 h >= 2,080; paid; ongoing -> current. Group 3 attested.
-> eligible on as_of.
""",
    },
    {
        "name": "cdms accepts an accredited bachelor's in any field without a licence",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [{"level": "bachelor", "field": "other", "accredited": True}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "insurance",
                    "start": "2024-06-03",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                }
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {"cdms": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Group 1: accredited bachelor's, field `other` (any field accepted) -> met; no licence needed.
Group 2: 2024-06-03..2026-12-01 = 912 days, all in the window -> 40 x 912 / 7 = 5,211.43 h; ongoing.
Group 3 attested -> eligible on as_of.
""",
    },
    {
        "name": "cdms is not eligible with an unaccredited bachelor's and only an LPN licence",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "lpn", "active": True, "good_standing": True, "expires": None}],
            "degrees": [{"level": "bachelor", "field": "psychology", "accredited": False}],
            "experience": [
                {
                    "role": "disability-manager",
                    "setting": "employer",
                    "start": "2024-03-04",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                }
            ],
            "attestations": ["cdms-practice-domains"],
        },
        "expect": {
            "cdms": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "an accredited bachelor's degree or an RN licence",
            }
        },
        "why": """
Group 1: degree option needs accredited -> fails; licence option lists only rn, the LPN does not
count. Degrees and licence types do not change over the horizon -> group 1 never holds.
Groups 2 and 3 hold (5,731.43 h in the window, current, attested) but all groups must hold.
-> not_eligible, eligible_on null.
""",
    },
    # ------------------------------------------------------------------ c-swcm: after_degree
    {
        "name": "c-swcm counts only case management done on or after the BSW completion date",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [
                {"type": "social-worker", "active": True, "good_standing": True, "expires": None}
            ],
            "degrees": [
                {
                    "level": "bachelor",
                    "field": "social-work",
                    "accredited": True,
                    "completed": "2025-05-20",
                }
            ],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "community",
                    "start": "2022-01-03",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "attestations": ["nasw-code-of-ethics"],
        },
        "expect": {
            "c-swcm": {
                "status": "eligible_later",
                "eligible_on": "2027-07-16",
                "missing": "about 1,294 h of paid, supervised case management after the BSW",
            },
            "acm": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "case management in a health care delivery setting",
            },
        },
        "why": """
c-swcm group 1: accredited BSW -> met. Group 3: social-worker licence -> met. Group 4: attested.
Group 2 (4,500 h, CM roles, paid, supervised, after_degree {bachelor, [social-work]}):
  earliest qualifying degree = the BSW, completed 2025-05-20 -> only days on/after 2025-05-20 count;
  the 2022-01-03..2025-05-19 part of the job counts 0.
  at as_of: 2025-05-20..2026-05-19 = 365 days, 2026-05-20..2026-12-01 = 12+30+31+31+30+31+30+1
  = 196 -> 561 days -> 40 x 561 / 7 = 3,205.71 h < 4,500 (short 1,294.29 h).
  4,500 h needs 4,500 x 7 / 40 = 787.5 days -> 788 days (787 days = 4,497.14 h, 788 = 4,502.86 h).
  day 788 from 2025-05-20 = 2025-05-20 + 787 = 2027-07-16 (561 to 2026-12-01, then Dec 30 + Jan 31
  + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 211, + 16 July = 227; 561 + 227 = 788).
Other groups hold every day (licence no expiry) -> eligible_later, eligible_on 2027-07-16.
acm: BSW route holds, but `community` is not a health care delivery setting -> 0 h, forever.
""",
    },
    {
        "name": "c-swcm without a BSW completion date counts all the work and is eligible now",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [
                {"type": "social-worker", "active": True, "good_standing": True, "expires": None}
            ],
            "degrees": [{"level": "bachelor", "field": "social-work", "accredited": True}],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "community",
                    "start": "2022-01-03",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "attestations": ["nasw-code-of-ethics"],
        },
        "expect": {"c-swcm": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Same person with no `completed` on the BSW (defaults to null). SPEC §3b: a qualifying degree with
completed null counts as completed before any work -> all days count; the result must say this
was assumed (the condition's text or a note; not a status change).
days 2022-01-03..2026-12-01 = 1,794 -> 40 x 1,794 / 7 = 10,251.43 h >= 4,500 -> group 2 met.
Groups 1, 3, 4 as before -> eligible on as_of.
""",
    },
    {
        "name": "c-swcm counts no hours without a social work degree while the same licence gives ACM-SW",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [
                {"type": "social-worker", "active": True, "good_standing": True, "expires": None}
            ],
            "degrees": [
                {
                    "level": "bachelor",
                    "field": "psychology",
                    "accredited": True,
                    "completed": "2014-05-20",
                }
            ],
            "credentials": ["aswb-bachelors"],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "hospital",
                    "start": "2015-01-05",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "attestations": ["nasw-code-of-ethics"],
        },
        "expect": {
            "c-swcm": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "an accredited social work bachelor's; hours only count after it (have 0 of 4,500)",
            },
            "acm": {"status": "eligible", "eligible_on": "2026-12-01", "variant": "ACM-SW"},
        },
        "why": """
c-swcm group 1: the bachelor's is in psychology, not social-work -> fails, on every day.
Group 2: after_degree {bachelor, [social-work]} -> the person has no qualifying degree -> 0 h
  counted, though the job gave 4,349 days x 40 / 7 = 24,851.43 h. Groups 3 (licence, and
  aswb-bachelors) and 4 hold. -> not_eligible, eligible_on null.
acm group 1: social-work-degree option fails (psychology); social-work-licence option holds
  (social-worker licence). Group 2: case-manager in hospital (health care delivery), paid,
  supervised: 24,851.43 h >= 2,080. -> eligible on as_of, route = social work licence -> ACM-SW.
""",
    },
    {
        "name": "c-swcm accepts a passed ASWB bachelors exam in place of a social work licence",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [
                {
                    "level": "bachelor",
                    "field": "social-work",
                    "accredited": True,
                    "completed": "2020-05-15",
                }
            ],
            "credentials": ["aswb-bachelors"],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "home-health",
                    "start": "2020-06-01",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "attestations": ["nasw-code-of-ethics"],
        },
        "expect": {
            "c-swcm": {"status": "eligible", "eligible_on": "2026-12-01"},
            "acm": {"status": "eligible", "eligible_on": "2026-12-01", "variant": "ACM-SW"},
        },
        "why": """
c-swcm group 3: no licence at all, but credential aswb-bachelors is one of
  {aswb-bachelors, aswb-masters, aswb-clinical} -> met.
Group 2: BSW completed 2020-05-15, job starts 2020-06-01 (after it) -> all of it counts:
  2020-06-01..2026-12-01 = 2,375 days -> 40 x 2,375 / 7 = 13,571.43 h >= 4,500.
Groups 1 (accredited BSW) and 4 (attested) hold -> eligible on as_of.
acm: BSW accredited -> social-work-degree route; home-health is a health care delivery setting,
  paid, supervised, 13,571.43 h >= 2,080 -> eligible, ACM-SW (no RN licence, so no ACM-RN route).
""",
    },
    {
        "name": "c-swcm is not eligible when the social work licence has expired and no ASWB exam is held",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [
                {
                    "type": "social-worker",
                    "active": True,
                    "good_standing": True,
                    "expires": "2026-10-31",
                }
            ],
            "degrees": [
                {
                    "level": "bachelor",
                    "field": "social-work",
                    "accredited": True,
                    "completed": "2020-05-15",
                }
            ],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "home-health",
                    "start": "2020-06-01",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "attestations": ["nasw-code-of-ethics"],
        },
        "expect": {
            "c-swcm": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "a current social work licence or a passed ASWB exam",
            },
            "acm": {"status": "eligible", "eligible_on": "2026-12-01", "variant": "ACM-SW"},
        },
        "why": """
Licence expires 2026-10-31 < as_of 2026-12-01 -> does not count at as_of nor any later day
(the projection does not renew licences). No ASWB credential -> group 3 never holds.
Groups 1, 2 (13,571.43 h), 4 hold, but all groups must -> not_eligible, eligible_on null.
acm is untouched: its social-work-degree route (accredited BSW) needs no licence -> ACM-SW.
""",
    },
    # ------------------------------------------------------------------ c-aswcm
    {
        "name": "c-aswcm is met on as_of with exactly 3,000 hours since the MSW, 20 CE hours and the ASWB masters exam",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [
                {
                    "level": "bachelor",
                    "field": "social-work",
                    "accredited": True,
                    "completed": "2019-05-15",
                },
                {
                    "level": "master",
                    "field": "social-work",
                    "accredited": True,
                    "completed": "2025-06-25",
                },
            ],
            "credentials": ["aswb-masters"],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "behavioral-health",
                    "start": "2019-06-03",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "education": [
                {"topic": "case-management", "hours": 12, "completed": "2024-03-10"},
                {"topic": "case-management", "hours": 8, "completed": "2026-10-01"},
            ],
            "attestations": ["nasw-code-of-ethics"],
        },
        "expect": {
            "c-aswcm": {"status": "eligible", "eligible_on": "2026-12-01"},
            "c-swcm": {"status": "eligible", "eligible_on": "2026-12-01"},
        },
        "why": """
c-aswcm group 1: accredited MSW -> met. Group 4: no licence, but aswb-masters is in
  {aswb-masters, aswb-clinical} -> met. Group 5: attested.
Group 3: CE in case-management, no window: 12 (2024-03-10) + 8 (2026-10-01), both <= as_of
  -> 20 h >= 20 -> met (exact).
Group 2: after_degree {master, [social-work]} -> only the MSW qualifies (the BSW is below master),
  completed 2025-06-25 -> days 2025-06-25..2026-12-01 = Jun 6 + Jul..Dec 2025 184 + Jan..Nov 2026
  334 + 1 = 525 -> 40 x 525 / 7 = 3,000.0 h >= 3,000 (exact; an MSW dated 2025-06-26 would give
  524 days = 2,994.29 h and eligible_later 2026-12-02).
-> c-aswcm eligible on as_of.
c-swcm: after_degree {bachelor, [social-work]} -> both degrees qualify, the EARLIEST is the BSW
  (2019-05-15), so the whole job counts: 2019-06-03..2026-12-01 = 2,739 days -> 15,651.43 h >= 4,500;
  aswb-masters is also in c-swcm's exam list; degree and attestation hold -> eligible.
""",
    },
    {
        "name": "c-aswcm is not eligible with only the ASWB bachelors exam while c-swcm is",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [
                {
                    "level": "bachelor",
                    "field": "social-work",
                    "accredited": True,
                    "completed": "2019-05-15",
                },
                {
                    "level": "master",
                    "field": "social-work",
                    "accredited": True,
                    "completed": "2025-06-25",
                },
            ],
            "credentials": ["aswb-bachelors"],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "behavioral-health",
                    "start": "2019-06-03",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
            "education": [
                {"topic": "case-management", "hours": 12, "completed": "2024-03-10"},
                {"topic": "case-management", "hours": 8, "completed": "2026-10-01"},
            ],
            "attestations": ["nasw-code-of-ethics"],
        },
        "expect": {
            "c-aswcm": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "a social work licence or a passed ASWB masters or clinical exam",
            },
            "c-swcm": {"status": "eligible", "eligible_on": "2026-12-01"},
        },
        "why": """
Same as the previous profile with aswb-bachelors instead of aswb-masters and no licence.
c-aswcm group 4 lists only {aswb-masters, aswb-clinical} (or a social-worker/clinical-social-worker
  licence): aswb-bachelors does not count; credentials never change over the horizon -> group 4
  never holds. Groups 1, 2 (3,000.0 h), 3 (20 h), 5 hold -> not_eligible, eligible_on null.
c-swcm group 3 lists aswb-bachelors -> met; other groups as before -> eligible on as_of.
""",
    },
    # ------------------------------------------------------------------ cmcn
    {
        "name": "cmcn is met by an LPN who completed the AAMCN managed care course",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "lpn", "active": True, "good_standing": True, "expires": None}],
            "credentials": ["aamcn-managed-care-course"],
        },
        "expect": {
            "cmcn": {"status": "eligible", "eligible_on": "2026-12-01"},
            "acm": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "an RN licence or social work degree/licence, and 2,080 h of health care case management",
            },
        },
        "why": """
cmcn group 1: licence in {rn, lpn, clinical-social-worker, counselor}: LPN active, good standing,
  no expiry -> met. Group 2: credential aamcn-managed-care-course -> met. No experience needed.
-> eligible on as_of. (Application note, not blocking: the exam is taken within 120 days of the
  course.)
acm: an LPN is not an RN and there is no social work degree/licence; no experience -> not_eligible.
""",
    },
    {
        "name": "cmcn for an LPN without the AAMCN course names the course as missing",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "lpn", "active": True, "good_standing": True, "expires": None}],
        },
        "expect": {
            "cmcn": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "credential aamcn-managed-care-course (the AAMCN managed care nursing course)",
            }
        },
        "why": """
Group 1 holds (LPN). Group 2: the credential is not listed; credentials hold on every day or none,
so it never holds in the horizon -> not_eligible, eligible_on null. The Board's review of
equivalent coursework and a job description is a note, not an encoded option, so it does not
make the group hold.
""",
    },
    # ------------------------------------------------------------------ cmac track 2 / acm
    {
        "name": "cmac track 2 is closed to a nurse who is eligible for ACM and does not hold it",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
            "degrees": [{"level": "master", "field": "nursing", "accredited": True}],
            "experience": [
                {
                    "role": "nurse-case-manager",
                    "setting": "hospital",
                    "start": "2018-01-08",
                    "end": "2022-12-30",
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                },
                {
                    "role": "case-management-supervisor",
                    "setting": "hospital",
                    "start": "2023-01-02",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                },
            ],
        },
        "expect": {
            "acm": {"status": "eligible", "eligible_on": "2026-12-01", "variant": "ACM-RN"},
            "cmac": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "the ACM credential (track 1): ACM-eligible nurses cannot use track 2",
            },
        },
        "why": """
Hours: nurse-case-manager 2018-01-08..2022-12-30 = 1,818 days -> 10,388.57 h;
       case-management-supervisor 2023-01-02..2026-12-01 = 1,430 days -> 8,171.43 h.
acm: group 1 RN licence -> met (ACM-RN route); group 2 CM roles (nurse-case-manager counts,
  supervisor does not), hospital, paid, supervised: 10,388.57 h >= 2,080 -> eligible on as_of,
  variant ACM-RN. The licence never expires and no window applies, so acm holds on EVERY day of
  the horizon.
cmac route 1: credential acm not held -> fails every day.
Routes 2-5 each need `not-eligible-for acm`, which fails on every day (acm is met every day).
  Route 2 would otherwise hold (master's + 8,171.43 h >= 2,080 as supervisor).
-> cmac not_eligible, eligible_on null; next step is to earn ACM and use track 1.
""",
    },
    {
        "name": "cmac track 1 is open to the same nurse once she holds ACM",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [{"type": "rn", "active": True, "good_standing": True, "expires": None}],
            "degrees": [{"level": "master", "field": "nursing", "accredited": True}],
            "credentials": ["acm"],
            "experience": [
                {
                    "role": "nurse-case-manager",
                    "setting": "hospital",
                    "start": "2018-01-08",
                    "end": "2022-12-30",
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                },
                {
                    "role": "case-management-supervisor",
                    "setting": "hospital",
                    "start": "2023-01-02",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                },
            ],
        },
        "expect": {
            "acm": {"status": "eligible", "eligible_on": "2026-12-01", "variant": "ACM-RN"},
            "cmac": {"status": "eligible", "eligible_on": "2026-12-01"},
        },
        "why": """
cmac route 1: credential acm held -> met; >= 4,160 h in case-manager / nurse-case-manager /
  case-management-supervisor: 10,388.57 + 8,171.43 = 18,560.0 h -> met. Route 1 has no
  not-eligible-for condition -> cmac eligible on as_of.
Routes 2-5 are still closed (`not-eligible-for acm` is about meeting ACM's groups, which she does;
  holding the credential does not change it) but one route suffices.
acm itself is still evaluated as eligible (ACM-RN); holding a credential does not remove it.
""",
    },
    {
        "name": "cmac track 2 opens the day after a nurse's RN licence expires when she has no social work route to ACM",
        "profile": {
            "as_of": "2026-12-01",
            "licenses": [
                {"type": "rn", "active": True, "good_standing": True, "expires": "2027-03-31"}
            ],
            "degrees": [{"level": "master", "field": "nursing", "accredited": True}],
            "experience": [
                {
                    "role": "nurse-case-manager",
                    "setting": "hospital",
                    "start": "2018-01-08",
                    "end": "2022-12-30",
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                },
                {
                    "role": "case-management-supervisor",
                    "setting": "hospital",
                    "start": "2023-01-02",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                },
            ],
        },
        "expect": {
            "acm": {"status": "eligible", "eligible_on": "2026-12-01", "variant": "ACM-RN"},
            "cmac": {"status": "eligible_later", "eligible_on": "2027-04-01"},
        },
        "why": """
Literal per-day reading of `not-eligible-for` with the projection's licence expiry (SPEC §2:
"licences expire"; engine-rules: a licence holds on its expiry day and not after).
acm: RN licence holds 2026-12-01..2027-03-31 (expires >= D); hours 10,388.57 >= 2,080 -> eligible
  on as_of, ACM-RN. From 2027-04-01 no discipline option holds (no social work degree/licence)
  -> acm's groups are not all met from 2027-04-01 on.
cmac: route 1 fails (no acm credential). Routes 2-5: not-eligible-for acm fails through 2027-03-31,
  holds from 2027-04-01. Route 2 at 2027-04-01: master's (any field) + supervisor
  2023-01-02..2027-04-01 = 1,551 days -> 8,862.86 h >= 2,080 -> holds.
First day cmac's only group holds = 2027-04-01 -> eligible_later, eligible_on 2027-04-01.
(This is what the rule says; an explanation should make clear it follows from the licence lapsing.)
""",
    },
    {
        "name": "cmac track 2 is open to an MBA supervisor with no nursing or social work background",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [{"level": "master", "field": "business", "accredited": True}],
            "experience": [
                {
                    "role": "case-management-supervisor",
                    "setting": "insurance",
                    "start": "2025-12-05",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": False,
                }
            ],
        },
        "expect": {
            "cmac": {
                "status": "eligible_later",
                "eligible_on": "2026-12-03",
                "missing": "11.43 h (two full-time days) as a case management supervisor",
            },
            "acm": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "an RN licence or a social work degree or licence",
            },
            "ccm": {
                "status": "not_eligible",
                "eligible_on": None,
                "missing": "a licence, CRC/CDMS, or an accredited bachelor's in a health or human services field",
            },
        },
        "why": """
acm group 1: no RN licence, no social work degree or licence -> never holds -> acm never met,
  so `not-eligible-for acm` holds on every day.
cmac route 2: degree >= master (any field, accreditation not asked) -> MBA met; >= 2,080 h as
  case-management-supervisor (no paid/supervised filter): days 2025-12-05..2026-12-01 =
  Dec 27 + Jan..Nov 2026 334 + 1 = 362 -> 40 x 362 / 7 = 2,068.57 h < 2,080 at as_of.
  364 days are needed -> 2025-12-05 + 363 days = 2026-12-03 -> 2,080.0 h.
  Route 1 (no acm credential) and routes 3-5 (6,240 / 10,400 h) do not hold sooner.
-> cmac eligible_later, eligible_on 2026-12-03.
ccm group 1: business is not an HHS field, no licence, no crc/cdms -> never -> not_eligible
  (also no good-moral-character attestation).
""",
    },
    {
        "name": "acm for a social work graduate is awarded as ACM-SW and is reached after 364 days of hospital case management",
        "profile": {
            "as_of": "2026-12-01",
            "degrees": [{"level": "bachelor", "field": "social-work", "accredited": True}],
            "experience": [
                {
                    "role": "case-manager",
                    "setting": "hospital",
                    "start": "2026-01-05",
                    "end": None,
                    "hours_per_week": 40,
                    "paid": True,
                    "supervised": True,
                }
            ],
        },
        "expect": {
            "acm": {
                "status": "eligible_later",
                "eligible_on": "2027-01-03",
                "variant": "ACM-SW",
                "missing": "about 189 h of paid, supervised health care case management",
            }
        },
        "why": """
acm group 1: accredited BSW -> social-work-degree route (ACM-SW); no RN licence, so ACM-RN is not
  a route met. Group 2: case-manager in hospital, paid, supervised.
  at as_of: 2026-01-05..2026-12-01 = 331 days -> 40 x 331 / 7 = 1,891.43 h < 2,080 (short 188.57 h).
  364 days needed -> 2026-01-05 + 363 = 2027-01-03 (2026-01-05..2026-12-31 = 361 days, + 2027-01-01,
  -02, -03 = 364) -> 2,080.0 h.
-> eligible_later, eligible_on 2027-01-03, variant ACM-SW (the route that holds on eligible_on).
""",
    },
]
