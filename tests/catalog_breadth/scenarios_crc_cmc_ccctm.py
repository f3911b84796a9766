# ruff: noqa: E501  (long scenario names read as sentences; a data table, not code)
"""Hand-worked scenarios for the CRC, CMC and CCCTM rules of the seeded catalog.

Derived by hand from the rules as encoded in eligibility/data/catalog.json (their readings are
in each certification's `source_notes`) and the conventions of SPEC §2 / docs/engine-rules.md,
with no run of the engine (a calendar gave the day counts). The conventions:

- hours of an entry at D = hours_per_week x days / 7, days from `start` to the earlier of `end`
  and D, both ends included. At 40 h a week: 2,080 h = 364 days, 4,160 h = 728 days,
  6,240 h = 1,092 days, 2,000 h = 350 days exactly.
- "within the last Y years" at D = (D - Y years, D]; for as_of 2026-12-01 the 3-year window
  starts 2023-12-02 and the 10-year window 2016-12-02.
- CMC counts NACCM's 35-hour full-time week: a year is 1,820 h, so 2 years = 3,640 h
  (637 days at 40 h/week), 3 years = 5,460 h (5,457.14 h after 955 days, 5,462.86 h after 956)
  and 5 years = 9,100 h (9,097.14 h after 1,592 days, 9,102.86 h after 1,593). Its care
  management (case-manager or nurse-case-manager, paid, supervised) counts only after the
  earliest qualifying degree, in the last 10 years, and needs a job still held; the client
  work of criteria II and III (3 and 5 years in all) counts care management, nursing, social
  work and counseling roles, before the degree too.
- CRC work is as a rehabilitation-counselor, paid; "under a CRC" = supervisor_credentials
  holding crc. Category 1 needs the CACREP attestation, 2 the internship attestation or 24
  months, 3 a counseling master's, the courses attestation and 36 months.
- CCCTM counts nurse-case-manager work in hospital, health-system, home-health, post-acute,
  community or school settings, and needs the attestation that ANCC accepts new applications.
- eligible_on = first day in [as_of, as_of + 1,826 days] on which every group holds; ongoing
  jobs go on at the same hours; degrees, credentials and attestations never change.

Every profile fixes as_of 2026-12-01. Expectations list only the certifications each scenario
is about.
"""

AS_OF = "2026-12-01"


def job(role, setting, start, end=None, hours=40, **extra):
    return {
        "role": role,
        "setting": setting,
        "start": start,
        "end": end,
        "hours_per_week": hours,
        "paid": True,
        "supervised": True,
        **extra,
    }


def rn():
    return {"type": "rn", "active": True, "good_standing": True, "expires": None}


SCENARIOS = [
    # ------------------------------------------------------------------ cmc
    {
        "name": "cmc criterion I is met by a social work master's and more than two 35-hour years of supervised care management since",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "social-work", "completed": "2024-01-15"}],
            "experience": [job("case-manager", "community", "2024-03-05")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Criterion I: master's in social work (related) -> degree met.
Care management after 2024-01-15: the job starts 2024-03-05, after it; 2024-03-05..2026-12-01 =
  1,002 days -> 5,725.71 h >= 3,640; paid, supervised, inside 10 years, ongoing -> met.
Core functions attested -> eligible on as_of.
""",
    },
    {
        "name": "cmc counts only the care management done after the master's, not the years before it",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "social-work", "completed": "2025-06-01"}],
            "experience": [job("case-manager", "community", "2022-01-03")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible_later", "eligible_on": "2027-02-27"}},
        "why": """
The job since 2022-01-03 would give 10,251.43 h, but only days from 2025-06-01 count:
  2025-06-01..2026-12-01 = 549 days -> 3,137.14 h < 3,640 -> criterion I not met on as_of.
3,640 h = 637 days from 2025-06-01 -> 2025-06-01 + 636 days = 2027-02-27.
Criterion II (the master is also "bachelor or higher" in a related field, the earliest one) has
  the same care management date and 10,251 h of client work (the pre-degree case management
  counts there) -> also 2027-02-27. Criterion III needs 5,460 h after the degree -> later.
Earliest: 2027-02-27.
""",
    },
    {
        "name": "cmc takes a master's without a completion date as finished before all the work",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "social-work"}],
            "experience": [job("case-manager", "community", "2022-01-03")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Same as before without `completed`: every day counts (assumed, and the results say so).
2022-01-03..2026-12-01 = 1,794 days -> 10,251.43 h >= 3,640, inside 10 years, ongoing -> met.
""",
    },
    {
        "name": "cmc criterion II needs a year of client work on top of two years of care management",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "bachelor", "field": "psychology", "completed": "2020-06-01"}],
            "experience": [job("case-manager", "community", "2024-06-01")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible_later", "eligible_on": "2027-01-12"}},
        "why": """
Criterion II: psychology bachelor's (related) -> met.
Care management after 2020-06-01: 2024-06-01..2026-12-01 = 914 days -> 5,222.86 h >= 3,640; ongoing.
Client work (3 years in all, 5,460 h): only this job -> 5,222.86 h < 5,460 -> not met on as_of.
  955 days from 2024-06-01 give 5,457.14 h, 956 days 5,462.86 h: day 956 = 2024-06-01 + 955 = 2027-01-12.
Criterion I needs a master's; criterion III (bachelor, any field) needs 9,100 h of client work -> later.
""",
    },
    {
        "name": "cmc criterion II is met when earlier social work supplies the extra year of client work",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "bachelor", "field": "psychology", "completed": "2020-06-01"}],
            "experience": [
                job("social-worker", "community", "2020-07-01", "2024-05-31", supervised=False),
                job("case-manager", "community", "2024-06-01"),
            ],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Care management: as before, 5,222.86 h >= 3,640 after the degree, ongoing.
Client work in the last 10 years (from 2016-12-02): social work 2020-07-01..2024-05-31 = 8,177.14 h
  (unsupervised counts here) + 5,222.86 h = 13,400 h >= 5,460 -> met. Attested -> eligible.
""",
    },
    {
        "name": "cmc criterion III is met by an RN diploma and a nurse case manager job since 2021",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "degrees": [{"level": "diploma", "field": "nursing", "completed": "2015-06-01"}],
            "experience": [job("nurse-case-manager", "hospital", "2021-01-04")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Criterion III (RN diploma): diploma in nursing (level diploma >= diploma) and an RN licence -> met.
Care management after 2015-06-01, inside 10 years: 2021-01-04..2026-12-01 = 2,158 days
  -> 12,331.43 h >= 5,460; ongoing -> met. Client work: the same 12,331.43 h >= 9,100 -> met.
A diploma is below an associate degree, so criteria I, II and the other III routes do not apply.
""",
    },
    {
        "name": "cmc criterion III for an RN diploma waits for five years of work in all",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "degrees": [{"level": "diploma", "field": "nursing", "completed": "2010-06-01"}],
            "experience": [job("nurse-case-manager", "home-health", "2023-01-02")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible_later", "eligible_on": "2027-05-13"}},
        "why": """
Care management: 2023-01-02..2026-12-01 = 1,430 days -> 8,171.43 h >= 5,460 (reached on day 956,
  2025-08-14); ongoing -> met.
Client work: 8,171.43 h < 9,100. 1,592 days give 9,097.14 h, 1,593 days 9,102.86 h:
  2023-01-02 + 1,592 days = 2027-05-13 -> eligible_later 2027-05-13.
""",
    },
    {
        "name": "cmc does not take a practical nursing diploma for the RN diploma route",
        "profile": {
            "as_of": AS_OF,
            "licenses": [{"type": "lpn"}],
            "degrees": [{"level": "diploma", "field": "nursing", "completed": "2012-06-01"}],
            "experience": [job("case-manager", "post-acute", "2017-01-02")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "not_eligible", "eligible_on": None}},
        "why": """
The RN diploma route needs an RN licence: only an LPN licence -> not met, on any day.
Every other route needs an associate degree or higher: the diploma is below -> never eligible.
""",
    },
    {
        "name": "cmc criterion III takes a business bachelor's with three years of care management and five of client work",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "bachelor", "field": "business", "completed": "2019-05-15"}],
            "experience": [job("case-manager", "insurance", "2022-01-03")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Business is not related: criteria I and II fail; criterion III (bachelor's or higher, any field) applies.
Care management after 2019-05-15: 2022-01-03..2026-12-01 = 1,794 days -> 10,251.43 h >= 5,460; ongoing.
Client work: 10,251.43 h >= 9,100 -> met. Attested -> eligible.
""",
    },
    {
        "name": "cmc needs a care management job still held, however many hours were done",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "social-work", "completed": "2019-06-01"}],
            "experience": [job("case-manager", "community", "2020-01-06", "2026-06-30")],
            "attestations": ["cmc-core-functions"],
        },
        "expect": {"cmc": {"status": "not_eligible", "eligible_on": None}},
        "why": """
Hours: 2020-01-06..2026-06-30 is far above 3,640 h, all after the degree and inside 10 years.
But no care management job is ongoing on as_of or any later day (nothing else changes)
  -> the care management condition fails every day -> not_eligible.
""",
    },
    {
        "name": "cmc without the core functions answer is not eligible whatever the hours",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "social-work", "completed": "2019-06-01"}],
            "experience": [job("case-manager", "community", "2020-01-06")],
        },
        "expect": {"cmc": {"status": "not_eligible", "eligible_on": None}},
        "why": "Every route's hours are met, but the core-functions group is an attestation never given -> not_eligible.",
    },
    # ------------------------------------------------------------------ crc
    {
        "name": "crc category 1 is met by a CACREP-accredited rehabilitation counseling master's alone",
        "profile": {
            "as_of": AS_OF,
            "degrees": [
                {"level": "master", "field": "rehabilitation-counseling", "accredited": True}
            ],
            "attestations": ["crc-cacrep-program"],
        },
        "expect": {"crc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": "Category 1: accredited rehabilitation counseling master's + the CACREP attestation -> met; no work asked.",
    },
    {
        "name": "crc category 2 with the internship is met by exactly 12 months as a rehabilitation counselor under a CRC",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "rehabilitation-counseling"}],
            "experience": [
                job(
                    "rehabilitation-counselor",
                    "government",
                    "2025-12-03",
                    supervisor_credentials=["crc"],
                )
            ],
            "attestations": ["crc-supervised-internship"],
        },
        "expect": {"crc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
No CACREP attestation, so category 1 fails. Category 2 with the internship: master's (accredited by
  default) + internship attested + work under a CRC 2025-12-03..2026-12-01 = 364 days -> 2,080.0 h -> met.
""",
    },
    {
        "name": "crc category 2 with the internship one day short of 12 months under a CRC is met the next day",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "rehabilitation-counseling"}],
            "experience": [
                job(
                    "rehabilitation-counselor",
                    "government",
                    "2025-12-04",
                    supervisor_credentials=["crc"],
                )
            ],
            "attestations": ["crc-supervised-internship"],
        },
        "expect": {"crc": {"status": "eligible_later", "eligible_on": "2026-12-02"}},
        "why": "363 days -> 2,074.29 h < 2,080 on as_of; 364 days on 2026-12-02. Category 2 by employment needs 4,160 h -> later.",
    },
    {
        "name": "crc category 2 by employment is met by 24 months as a rehabilitation counselor, the first 12 under a CRC",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "rehabilitation-counseling"}],
            "experience": [
                job(
                    "rehabilitation-counselor",
                    "insurance",
                    "2023-01-02",
                    "2024-01-01",
                    supervisor_credentials=["crc"],
                ),
                job("rehabilitation-counselor", "government", "2024-01-02"),
            ],
        },
        "expect": {"crc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
No attestation: categories 1 and 2-with-internship fail. Category 2 by employment:
  all rehabilitation counseling = 2,085.71 h (365 days) + 6,085.71 h (2024-01-02..2026-12-01) >= 4,160;
  under a CRC: the first job, 2,085.71 h >= 2,080 -> met.
""",
    },
    {
        "name": "crc category 2 by employment is never met without a CRC supervisor",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "rehabilitation-counseling"}],
            "experience": [job("rehabilitation-counselor", "government", "2020-01-06")],
        },
        "expect": {"crc": {"status": "not_eligible", "eligible_on": None}},
        "why": "Plenty of hours, but 0 under a CRC, and the ongoing job keeps its (non-CRC) supervisor -> never.",
    },
    {
        "name": "crc category 3 is met by a counseling master's with the courses and 36 months as a rehabilitation counselor under a CRC",
        "profile": {
            "as_of": AS_OF,
            "licenses": [{"type": "counselor"}],
            "degrees": [{"level": "master", "field": "counseling"}],
            "experience": [
                job(
                    "rehabilitation-counselor",
                    "government",
                    "2023-01-02",
                    supervisor_credentials=["crc"],
                )
            ],
            "attestations": ["crc-required-courses"],
        },
        "expect": {"crc": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": "2023-01-02..2026-12-01 = 1,430 days -> 8,171.43 h >= 6,240, all under a CRC (>= 2,080) -> category 3 met.",
    },
    {
        "name": "crc category 3 waits for the 36th month of rehabilitation counseling",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "counseling"}],
            "experience": [
                job(
                    "rehabilitation-counselor",
                    "government",
                    "2024-01-01",
                    supervisor_credentials=["crc"],
                )
            ],
            "attestations": ["crc-required-courses"],
        },
        "expect": {"crc": {"status": "eligible_later", "eligible_on": "2026-12-27"}},
        "why": """
2024-01-01..2026-12-01 = 1,066 days -> 6,091.43 h < 6,240. 6,240 h = 1,092 days:
  2024-01-01 + 1,091 days = 2026-12-27. The 2,080 h under a CRC are already met.
""",
    },
    {
        "name": "crc category 3 is not met without the required courses",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "counseling"}],
            "experience": [
                job(
                    "rehabilitation-counselor",
                    "government",
                    "2023-01-02",
                    supervisor_credentials=["crc"],
                )
            ],
        },
        "expect": {"crc": {"status": "not_eligible", "eligible_on": None}},
        "why": "A counseling master's only opens category 3, whose courses attestation is not given -> never.",
    },
    {
        "name": "crc does not count mental health counseling as rehabilitation counseling work",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "counseling"}],
            "experience": [
                job("counselor", "behavioral-health", "2019-01-07", supervisor_credentials=["crc"])
            ],
            "attestations": ["crc-required-courses"],
        },
        "expect": {"crc": {"status": "not_eligible", "eligible_on": None}},
        "why": "Only rehabilitation-counselor work counts; the counselor role gives 0 h on every day -> never.",
    },
    {
        "name": "crc needs a master's: a rehabilitation counselor with a bachelor's is not eligible",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "bachelor", "field": "rehabilitation-counseling"}],
            "experience": [
                job(
                    "rehabilitation-counselor",
                    "government",
                    "2018-01-08",
                    supervisor_credentials=["crc"],
                )
            ],
            "attestations": [
                "crc-cacrep-program",
                "crc-supervised-internship",
                "crc-required-courses",
            ],
        },
        "expect": {"crc": {"status": "not_eligible", "eligible_on": None}},
        "why": "Every category needs a master's or higher; a bachelor's never meets it.",
    },
    {
        "name": "a CRC held opens ccm's first group for a case manager without a licence or a health degree",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "bachelor", "field": "business"}],
            "credentials": ["crc"],
            "experience": [job("case-manager", "insurance", "2024-06-03")],
            "attestations": ["good-moral-character"],
        },
        "expect": {"ccm": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
CCM group 1: no licence, business is not HHS, but crc is held -> met.
Group 2: 2024-06-03..2026-12-01 = 912 days -> 5,211.43 h >= 4,160 as a case manager -> met.
Not self-employed; good moral character attested -> eligible.
""",
    },
    {
        "name": "a CRC working as a rehabilitation counselor is not yet a case manager for ccm",
        "profile": {
            "as_of": AS_OF,
            "degrees": [{"level": "master", "field": "rehabilitation-counseling"}],
            "credentials": ["crc"],
            "experience": [job("rehabilitation-counselor", "government", "2018-01-08")],
            "attestations": ["good-moral-character"],
        },
        "expect": {"ccm": {"status": "not_eligible", "eligible_on": None}},
        "why": "CCM's employment group counts only case-manager, nurse-case-manager or supervisor roles: 0 h, never.",
    },
    # ------------------------------------------------------------------ ccctm
    {
        "name": "ccctm is met by a nurse case manager who says ANCC accepts new applications",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "experience": [job("nurse-case-manager", "hospital", "2022-01-03")],
            "attestations": ["ccctm-new-applications-open"],
        },
        "expect": {"ccctm": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
RN licence -> met. 2022-01-03..2026-12-01 = 1,794 days -> 10,251.43 h >= 4,160 -> met.
Window 2023-12-02..2026-12-01 = 1,096 days -> 6,262.86 h >= 2,000 -> met. Attested -> eligible.
""",
    },
    {
        "name": "ccctm is not shown as eligible to a nurse meeting every rule until ANCC confirms new applications",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "experience": [job("nurse-case-manager", "hospital", "2022-01-03")],
        },
        "expect": {"ccctm": {"status": "not_eligible", "eligible_on": None}},
        "why": "Groups 1-3 met as above; group 4 (ANCC accepts first-time applications) is an attestation not given -> never.",
    },
    {
        "name": "ccctm is met with exactly 2,000 hours of care coordination in the last 3 years",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "experience": [
                job("nurse-case-manager", "health-system", "2015-01-05", "2021-12-31"),
                job("nurse-case-manager", "community", "2025-12-17"),
            ],
            "attestations": ["ccctm-new-applications-open"],
        },
        "expect": {"ccctm": {"status": "eligible", "eligible_on": "2026-12-01"}},
        "why": """
Two years in all: the first job alone gives 14,588.57 h >= 4,160.
Last 3 years (from 2023-12-02): the first job ended before; the second 2025-12-17..2026-12-01 =
  350 days -> 2,000.0 h >= 2,000 (exact) -> met.
""",
    },
    {
        "name": "ccctm one day short of 2,000 hours in the last 3 years is met the next day",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "experience": [
                job("nurse-case-manager", "health-system", "2015-01-05", "2021-12-31"),
                job("nurse-case-manager", "community", "2025-12-18"),
            ],
            "attestations": ["ccctm-new-applications-open"],
        },
        "expect": {"ccctm": {"status": "eligible_later", "eligible_on": "2026-12-02"}},
        "why": "349 days -> 1,994.29 h < 2,000 on as_of; 350 days -> 2,000.0 h on 2026-12-02.",
    },
    {
        "name": "ccctm does not count nurse case management older than 3 years toward the recent hours",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "experience": [job("nurse-case-manager", "hospital", "2022-01-03", "2024-06-30")],
            "attestations": ["ccctm-new-applications-open"],
        },
        "expect": {"ccctm": {"status": "not_eligible", "eligible_on": None}},
        "why": """
In all: far above 4,160 h. In the window from 2023-12-02: 2023-12-02..2024-06-30 = 212 days ->
  1,211.43 h < 2,000, and the window only slides away from the ended job -> never.
""",
    },
    {
        "name": "ccctm does not count nurse case management at an insurer",
        "profile": {
            "as_of": AS_OF,
            "licenses": [rn()],
            "experience": [job("nurse-case-manager", "insurance", "2020-01-06")],
            "attestations": ["ccctm-new-applications-open"],
        },
        "expect": {"ccctm": {"status": "not_eligible", "eligible_on": None}},
        "why": "The insurer setting is not among the six counted: 0 h in both experience groups, on every day.",
    },
]
