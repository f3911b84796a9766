"""Worked eligibility scenarios, derived by hand from docs/engine-rules.md and the seeded catalog
(eligibility/data/catalog.json).

Arithmetic conventions used in every comment below (docs/engine-rules.md, "Full time"):

* ``d(a..b)`` = calendar days from a to b, both ends included.
* hours of an entry at D = hours_per_week × d(start..min(end, D)) / 7.
* At 40 h/week: 2,080 h = 364 days, 4,160 h = 728 days, 2,000 h = 350 days,
  6,240 h = 1,092 days, 10,400 h = 1,820 days.  At 20 h/week every figure doubles.
* A threshold of N days is first reached on ``start + (N - 1) days``.
* A window of Y years at D is (D − Y years, D]; at 2026-11-23 with Y = 3 the first day
  inside is 2023-11-24, and the window holds d(2023-11-24..2026-11-23) = 1,096 days.
* CE completed on C counts at D when C ≤ D and C > D − 3 years, so it is counted for the
  last time on C + 3 years − 1 day.
* ``eligible_later`` dates must lie in (as_of, as_of + 1,826 days]; from 2026-11-23 the last
  such day is 2031-11-23 (five years, one of them holding 2028-02-29).

Day counts used again and again (all checked both by hand and with ``datetime``):

* d(2022-01-01..2026-11-23) = 365 + 365 + 366 + 327 = 1,788  → 40 h/wk: 10,217.1 h
* d(2023-01-01..2026-11-23) = 365 + 366 + 365 + 327 = 1,423  → 40 h/wk:  8,131.4 h
* d(2024-01-01..2026-11-23) = 366 + 365 + 327 = 1,058        → 40 h/wk:  6,045.7 h
* d(2026-01-01..2026-11-23) = 327 (Jan..Oct = 304, + 23)
* d(2026-06-01..2026-11-23) = 30 + 31 + 31 + 30 + 31 + 23 = 176

Shorthands in the comments: "no degree, no acm credential → cmac never" (every cmac route
needs a degree ≥ bachelor or the acm credential); "no rn → cmgt-bc never"; "no CE → cmgt-bc
never" (no more CE is ever added by the projection).
"""

import pytest

from tests.conftest import SPEC_EXAMPLE, cert

AS_OF = "2026-11-23"
GMC = ["good-moral-character"]
CERTS = ("ccm", "acm", "cmgt-bc", "cmac")

NOW = ("eligible", AS_OF)
NEVER = ("not_eligible", None)


def later(day: str) -> tuple[str, str]:
    return ("eligible_later", day)


# ---------------------------------------------------------------------------------------------
# Profile builders: every profile fixes `as_of` explicitly.
# ---------------------------------------------------------------------------------------------


def licence(type_="rn", **extra):
    return {"type": type_, "active": True, "good_standing": True, "expires": None, **extra}


def degree(level, field, accredited=True):
    return {"level": level, "field": field, "accredited": accredited}


def job(role, setting, start, end=None, hours=40, **extra):
    entry = {
        "role": role,
        "setting": setting,
        "start": start,
        "end": end,
        "hours_per_week": hours,
        "paid": True,
        "supervised": True,
        "supervisor_credentials": [],
        "self_employed": False,
    }
    entry.update(extra)
    return entry


def ce(hours, completed, topic="nursing-case-management"):
    return {"topic": topic, "hours": hours, "completed": completed}


def person(
    *,
    as_of=AS_OF,
    licenses=(),
    degrees=(),
    credentials=(),
    experience=(),
    education=(),
    references=0,
    attestations=GMC,
):
    return {
        "as_of": as_of,
        "licenses": list(licenses),
        "degrees": list(degrees),
        "credentials": list(credentials),
        "experience": list(experience),
        "education": list(education),
        "references": references,
        "attestations": list(attestations),
    }


def expect(ccm=NEVER, acm=NEVER, cmgt_bc=NEVER, cmac=NEVER):
    return {"ccm": ccm, "acm": acm, "cmgt-bc": cmgt_bc, "cmac": cmac}


# The nurse of scenario "started 2026-06-01" (re-used by the detail tests).
NEW_NCM = person(
    licenses=[licence("rn")],
    experience=[job("nurse-case-manager", "hospital", "2026-06-01")],
    education=[ce(30, "2026-05-01")],
)

# The nurse whose old nurse-case-manager hours slide out of the 3-year window.
SLIDING = person(
    licenses=[licence("rn")],
    experience=[
        job("registered-nurse", "hospital", "2019-01-01", "2023-05-31"),
        job("nurse-case-manager", "hospital", "2023-06-01", "2024-05-31"),
        job("nurse-case-manager", "hospital", "2026-03-01", hours=20),
    ],
    education=[ce(30, "2026-10-01")],
)

# A social worker (accredited BSW) with 14 months of full-time hospital case management.
BSW_14_MONTHS = person(
    degrees=[degree("bachelor", "social-work")],
    experience=[job("case-manager", "hospital", "2025-09-24")],
)


# A self-employed nurse case manager (unsupervised, community) with `refs` references.
def self_employed_ncm(refs):
    return person(
        licenses=[licence("rn")],
        experience=[
            job(
                "nurse-case-manager",
                "community",
                "2020-01-01",
                supervised=False,
                self_employed=True,
            )
        ],
        references=refs,
    )


# A nurse case manager since 2026-06-01 whose RN licence expires on `expires`.
def ncm_with_licence_expiring(expires, degrees=()):
    return person(
        licenses=[licence("rn", expires=expires)],
        degrees=degrees,
        experience=[job("nurse-case-manager", "hospital", "2026-06-01")],
    )


# A nurse case manager at 40 h/week since 2026-01-01 (for the "how many hours a week" family).
def ncm_since_2026(hours=40, **extra):
    return person(
        licenses=[licence("rn")],
        experience=[job("nurse-case-manager", "hospital", "2026-01-01", hours=hours, **extra)],
    )


# A full-time nurse case manager since 2022-01-01 (1,788 days = 10,217.1 h at as_of).
def veteran_ncm(*, education=(), attestations=GMC, as_of=AS_OF, **job_extra):
    return person(
        as_of=as_of,
        licenses=[licence("rn")],
        experience=[job("nurse-case-manager", "hospital", "2022-01-01", **job_extra)],
        education=education,
        attestations=attestations,
    )


SCENARIOS = [
    # -----------------------------------------------------------------------------------------
    # The example of docs/profile-format.md.
    # NCM hospital 40 h/wk since 2023-01-01, supervised by a CCM: d = 1,423 → 8,131.4 h.
    # ccm: rn ✓; supervised-by-ccm 8,131.4 ≥ 2,080 ✓; not self-employed ✓; attestation ✓ → now.
    # acm: rn ✓; paid, supervised, hospital 8,131.4 ≥ 2,080 ✓ → now.
    # cmgt-bc: CE 12 h < 30 and no CE is ever added → never.
    # cmac: crc is not acm; bachelor + 10,400 h CM needs 1,820 days from 2023-01-01:
    #   2023-01-01 + 1,819 = 2027-12-25 (as_of is day 1,423; + 397 days = 2027-12-25) → later.
    pytest.param(
        SPEC_EXAMPLE,
        # SPEC §3b: track 2 is closed to whoever meets ACM's rules; this nurse does on every
        # day (her licence never expires), so the 2027-12-25 bachelor route never opens.
        expect(ccm=NOW, acm=NOW, cmgt_bc=NEVER, cmac=NEVER),
        id="the SPEC example nurse is eligible for ccm and acm, never cmgt-bc or cmac track 2",
    ),
    # -----------------------------------------------------------------------------------------
    # Full-time NCM since 2024-01-01: d = 1,058 → 6,045.7 h; all inside the 3-year window.
    # ccm: no ccm supervisor; 6,045.7 ≥ 4,160 ✓ → now.  acm: 6,045.7 ≥ 2,080 ✓ → now.
    # cmgt-bc: rn ✓; 6,045.7 ≥ 4,160 ✓; 6,045.7 ≥ 2,000 within 3 y ✓; CE 30 h on 2026-06-01,
    #   inside (2023-11-23, 2026-11-23] ✓ → now.  cmac: no degree, no acm credential → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[job("nurse-case-manager", "hospital", "2024-01-01")],
            education=[ce(30, "2026-06-01")],
        ),
        expect(ccm=NOW, acm=NOW, cmgt_bc=NOW),
        id="a full-time nurse case manager since 2024 is eligible now for ccm acm and cmgt-bc",
    ),
    # Full-time NCM since 2026-06-01: d(as_of) = 176 → 1,005.7 h.
    # acm: 364 days → 2026-06-01 + 363 = 2027-05-30 (2027-06-01 is + 365, minus 2).
    # ccm: 728 days → 2026-06-01 + 727 = 2028-05-28 (2028-06-01 is + 731 because of 2028-02-29).
    # cmgt-bc: 4,160 h on 2028-05-28; 2,000 h (350 days) in the window from 2026-06-01 + 349 =
    #   2027-05-16 on (the job is ongoing and the window only reaches back to 2025 by then);
    #   CE 30 h of 2026-05-01 counts until 2029-04-30 → all hold first on 2028-05-28.
    # cmac: no degree → never.
    pytest.param(
        NEW_NCM,
        expect(ccm=later("2028-05-28"), acm=later("2027-05-30"), cmgt_bc=later("2028-05-28")),
        id="a full-time nurse case manager since June 2026 is eligible later for each",
    ),
    # Same nurse, but the 30 CE h were completed 2025-05-01: they count up to 2028-04-30
    # (2028-05-01 − 3 y = 2025-05-01, not after it).  The 4,160 h come only on 2028-05-28,
    # so cmgt-bc never holds on one date → never.  Other certifications unchanged.
    pytest.param(
        {**NEW_NCM, "education": [ce(30, "2025-05-01")]},
        expect(ccm=later("2028-05-28"), acm=later("2027-05-30"), cmgt_bc=NEVER),
        id="CE that ages out before the practice hours are reached makes cmgt-bc unreachable",
    ),
    # -----------------------------------------------------------------------------------------
    # Hours per week (pro rata).  NCM hospital since 2026-01-01, no CE → cmgt-bc never.
    # 40 h/wk: acm 364 days → 2026-01-01 + 363 = 2026-12-30;
    #          ccm 728 days → 2026-01-01 + 727 = 2027-12-29 (2027-01-01 is + 365; + 362 more).
    pytest.param(
        ncm_since_2026(40),
        expect(ccm=later("2027-12-29"), acm=later("2026-12-30")),
        id="a full-time nurse case manager since January 2026 reaches acm at the end of 2026",
    ),
    # 20 h/wk doubles the days: acm 728 days → 2027-12-29;
    #          ccm 1,456 days → 2026-01-01 + 1,455 = 2029-12-26 (2030-01-01 is + 1,461:
    #          365 + 365 + 366 + 365) — inside as_of + 1,826 = 2031-11-23.
    pytest.param(
        ncm_since_2026(20),
        expect(ccm=later("2029-12-26"), acm=later("2027-12-29")),
        id="half time at 20 hours a week doubles the time to each date",
    ),
    # 37.5 h/wk: acm needs 2,080 × 7 / 37.5 = 388.27 → 389 days (37.5 × 389 / 7 = 2,083.9;
    #   388 days give 2,078.6) → 2026-01-01 + 388 = 2027-01-24.
    #   ccm needs 4,160 × 7 / 37.5 = 776.53 → 777 days (4,162.5 h; 776 days = 4,157.1 h)
    #   → 2026-01-01 + 776 = 2028-02-16 (2028-01-01 is + 730; + 46 → Feb 16).
    pytest.param(
        ncm_since_2026(37.5),
        expect(ccm=later("2028-02-16"), acm=later("2027-01-24")),
        id="37.5 hours a week rounds the days up to the first day the hours reach the need",
    ),
    # Two overlapping entries both count: A NCM hospital 40 h since 2026-05-01, B NCM
    # home-health 16 h since 2026-08-01.  With a = d(2026-05-01..D), B has a − 92 days
    # (May 31 + June 30 + July 31 = 92).  Hours = (40a + 16(a − 92)) / 7 = (56a − 1,472) / 7.
    # acm: 56a ≥ 14,560 + 1,472 = 16,032 → a ≥ 286.3 → 287 (2,085.7 h; a = 286 gives 2,077.7)
    #   → 2026-05-01 + 286 = 2027-02-11 (Dec 31 is a = 245; + 31 Jan = 276; + 11 = 287).
    #   A alone would need 364 days → 2027-04-29.
    # ccm: 56a ≥ 29,120 + 1,472 = 30,592 → a ≥ 546.3 → 547 (4,165.7 h; 546 gives 4,157.7)
    #   → 2026-05-01 + 546 = 2027-10-29.   No CE → cmgt-bc never.  No degree → cmac never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[
                job("nurse-case-manager", "hospital", "2026-05-01"),
                job("nurse-case-manager", "home-health", "2026-08-01", hours=16),
            ],
        ),
        expect(ccm=later("2027-10-29"), acm=later("2027-02-11")),
        id="two overlapping jobs both count and bring the dates forward",
    ),
    # What-if: ended NCM 2026-01-01..2026-06-30 (181 days = 1,034.3 h) and a planned NCM job
    # from 2027-01-01 (ongoing).  With d = days in the new job: 40 (181 + d) / 7 ≥ need.
    # acm: 181 + d ≥ 364 → d = 183 → 2027-01-01 + 182 = 2027-07-02.
    # ccm: 181 + d ≥ 728 → d = 547 → 2027-01-01 + 546 = 2028-06-30 (2028-01-01 is + 365;
    #   + 181 more in leap 2028: Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 = 152, + 29 → Jun 30).
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[
                job("nurse-case-manager", "hospital", "2026-01-01", "2026-06-30"),
                job("nurse-case-manager", "hospital", "2027-01-01"),
            ],
        ),
        expect(ccm=later("2028-06-30"), acm=later("2027-07-02")),
        id="a future-dated job (what-if) gives later dates",
    ),
    # The same person without the planned job: 1,034.3 h forever (the entry has ended)
    # < 2,080 and < 4,160 → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[job("nurse-case-manager", "hospital", "2026-01-01", "2026-06-30")],
        ),
        expect(),
        id="an ended job is not projected forward",
    ),
    # A job with a planned end date stops there: NCM 40 h 2026-01-01..2027-03-31 = 455 days
    # = 2,600 h at most.  acm: 364 days → 2026-12-30 (before the end) ✓.
    # ccm: 2,600 < 4,160, and nothing after 2027-03-31 → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[job("nurse-case-manager", "hospital", "2026-01-01", "2027-03-31")],
        ),
        expect(acm=later("2026-12-30")),
        id="a job with a planned end date stops counting on that date",
    ),
    # -----------------------------------------------------------------------------------------
    # Look-back windows.
    # SLIDING: RN 2019-01-01..2023-05-31 (1,612 d), old NCM 2023-06-01..2024-05-31 (366 d,
    # 2,091.4 h), current NCM 20 h/wk since 2026-03-01 (268 d at as_of = 765.7 h), CE 30 h on
    # 2026-10-01 (counts until 2029-09-30).
    # cmgt-bc "2,000 h NCM within 3 y": at as_of the window starts 2023-11-24, so the old job
    #   contributes d(2023-11-24..2024-05-31) = 190 d = 1,085.7 h; total 1,851.4 < 2,000.
    #   Each later day the old job loses 40/7 h and the new one adds 20/7 h, so the total falls
    #   until the old job has left the window (D − 3 y ≥ 2024-05-31, D ≥ 2027-05-31); then the
    #   current job alone must give 2,000 h = 700 days → 2026-03-01 + 699 = 2028-01-29
    #   (2028-03-01 is + 731; minus 32 → Jan 29).  Naively (no window) 2,091.4 + 765.7 ≥ 2,000
    #   already holds today, so the window makes the date later.  4,160 h RN/NCM ✓ long ago.
    # ccm: CM roles only (registered-nurse is not one): (40 × 366 + 20 d) / 7 ≥ 4,160 →
    #   20 d ≥ 14,480 → d = 724 → 2026-03-01 + 723 = 2028-02-22.
    # acm: old NCM hospital job alone 2,091.4 ≥ 2,080 (no window) → now.  No degree → cmac never.
    pytest.param(
        SLIDING,
        expect(ccm=later("2028-02-22"), acm=NOW, cmgt_bc=later("2028-01-29")),
        id="old case-management hours sliding out of the 3-year window push cmgt-bc later",
    ),
    # RN 2015-01-01..2022-12-31, NCM 2023-01-01..2024-03-31 (ended; 456 d = 2,605.7 h), CE 30 h
    # on 2026-06-01.  cmgt-bc: in the window at as_of only d(2023-11-24..2024-03-31) = 129 d
    # = 737.1 h < 2,000, and it only shrinks → never.  acm: 2,605.7 ≥ 2,080 → now.
    # ccm: 2,605.7 < 4,160 and the job has ended → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[
                job("registered-nurse", "hospital", "2015-01-01", "2022-12-31"),
                job("nurse-case-manager", "hospital", "2023-01-01", "2024-03-31"),
            ],
            education=[ce(30, "2026-06-01")],
        ),
        expect(acm=NOW),
        id="an ended case-management job leaving the window makes cmgt-bc never reachable",
    ),
    # A part-time NCM at 12 h/wk since 2020-01-01 (d = 2,519 → 4,318.3 h lifetime): the 3-year
    # window holds at most 1,096 days = 12 × 1,096 / 7 = 1,878.9 h < 2,000 → cmgt-bc never,
    # even though the lifetime hours are plenty.  RN history 2010-01-01..2019-12-31 covers
    # 4,160 h.  ccm: 4,318.3 ≥ 4,160 → now.  acm: 4,318.3 ≥ 2,080 (hospital) → now.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[
                job("registered-nurse", "hospital", "2010-01-01", "2019-12-31"),
                job("nurse-case-manager", "hospital", "2020-01-01", hours=12),
            ],
            education=[ce(30, "2026-06-01")],
        ),
        expect(ccm=NOW, acm=NOW),
        id="12 hours a week can never make 2000 hours inside a 3-year window",
    ),
    # -----------------------------------------------------------------------------------------
    # CE and the 3-year window.  veteran_ncm: 1,788 d = 10,217.1 h; all in the window at as_of
    # is 1,096 d = 6,262.9 h.  ccm now (4,160), acm now (2,080), cmac never (no degree).
    # CE completed 2023-11-24 > 2026-11-23 − 3 y = 2023-11-23 → counts today (its last day)
    # → cmgt-bc eligible now (status is about as_of, even though it ages out tomorrow).
    pytest.param(
        veteran_ncm(education=[ce(30, "2023-11-24")]),
        expect(ccm=NOW, acm=NOW, cmgt_bc=NOW),
        id="CE completed on the first day inside the window counts (eligible now but ageing out)",
    ),
    # CE completed 2023-11-23 is not > 2023-11-23 → outside the window; no CE later → never.
    pytest.param(
        veteran_ncm(education=[ce(30, "2023-11-23")]),
        expect(ccm=NOW, acm=NOW, cmgt_bc=NEVER),
        id="CE completed exactly 3 years before as_of has aged out",
    ),
    # CE planned for 2027-02-15 counts only from its date: everything else holds today,
    # so cmgt-bc first holds on 2027-02-15.
    pytest.param(
        veteran_ncm(education=[ce(30, "2027-02-15")]),
        expect(ccm=NOW, acm=NOW, cmgt_bc=later("2027-02-15")),
        id="CE completed in the future counts only from its completion date",
    ),
    # 20 h on 2026-01-10 + 10 h on 2027-03-01: 20 < 30 until 2027-03-01, then 30 ≥ 30
    # (the 2026-01-10 hours stay in the window until 2029-01-09) → 2027-03-01.
    pytest.param(
        veteran_ncm(education=[ce(20, "2026-01-10"), ce(10, "2027-03-01")]),
        expect(ccm=NOW, acm=NOW, cmgt_bc=later("2027-03-01")),
        id="CE hours add up across courses once the last one is completed",
    ),
    # 20 h nursing-case-management + 10 h of the topic case-management: only 20 h count → never.
    pytest.param(
        veteran_ncm(education=[ce(20, "2026-01-10"), ce(10, "2026-02-01", "case-management")]),
        expect(ccm=NOW, acm=NOW, cmgt_bc=NEVER),
        id="CE in another topic does not count toward cmgt-bc",
    ),
    # Feb 29: as_of 2028-02-29, 2028-02-29 − 3 y = 2025-02-28, so the window is
    # (2025-02-28, 2028-02-29] and CE of 2025-03-01 is inside → cmgt-bc now.
    # NCM 40 h since 2022-01-01: d(2022-01-01..2028-02-29) = 2,251 → 12,862.9 h; in the window
    # d(2025-03-01..2028-02-29) = 1,096 d = 6,262.9 h ≥ 2,000.  ccm now, acm now, cmac never.
    pytest.param(
        veteran_ncm(as_of="2028-02-29", education=[ce(30, "2025-03-01")]),
        expect(
            ccm=("eligible", "2028-02-29"),
            acm=("eligible", "2028-02-29"),
            cmgt_bc=("eligible", "2028-02-29"),
        ),
        id="on Feb 29 the window reaches back to Feb 28 so CE of March 1st still counts",
    ),
    # Same with CE of 2025-02-28: not > 2025-02-28 → outside → cmgt-bc never.
    pytest.param(
        veteran_ncm(as_of="2028-02-29", education=[ce(30, "2025-02-28")]),
        expect(ccm=("eligible", "2028-02-29"), acm=("eligible", "2028-02-29")),
        id="on Feb 29 CE of Feb 28 three years earlier has aged out",
    ),
    # -----------------------------------------------------------------------------------------
    # Licences.  NCM hospital 40 h since 2026-06-01: acm on 2027-05-30, ccm on 2028-05-28.
    # Licence expires 2027-03-31 < 2027-05-30: on every day the experience holds the licence is
    # gone, and no other discipline option → acm never; ccm never (needs it on 2028-05-28).
    pytest.param(
        ncm_with_licence_expiring("2027-03-31"),
        expect(),
        id="a licence expiring before the projected date leaves the nurse not eligible",
    ),
    # Licence expires 2027-06-30 ≥ 2027-05-30 → acm later 2027-05-30; ccm still never.
    pytest.param(
        ncm_with_licence_expiring("2027-06-30"),
        expect(acm=later("2027-05-30")),
        id="a licence expiring after the projected date keeps acm eligible later",
    ),
    # Licence expires on the projected day itself: counts when expires ≥ D → acm 2027-05-30.
    pytest.param(
        ncm_with_licence_expiring("2027-05-30"),
        expect(acm=later("2027-05-30")),
        id="a licence still counts on its expiry day",
    ),
    # One day earlier: expired on 2027-05-30 → acm never.
    pytest.param(
        ncm_with_licence_expiring("2027-05-29"),
        expect(),
        id="a licence expiring the day before the projected date leaves acm not eligible",
    ),
    # Licence expiring 2027-03-31 but an accredited BSN: ccm's licence-or-education holds through
    # the degree → ccm 2028-05-28.  acm still never (needs the rn licence; nursing is not
    # social-work).  cmac: bachelor + 10,400 h CM = 1,820 days → 2026-06-01 + 1,819 = 2031-05-25
    # (2031-06-01 is + 1,826), ≤ 2031-11-23 → later.  cmgt-bc: no CE → never.
    pytest.param(
        ncm_with_licence_expiring("2027-03-31", degrees=[degree("bachelor", "nursing")]),
        expect(ccm=later("2028-05-28"), cmac=later("2031-05-25")),
        id="an accredited nursing degree keeps ccm reachable after the licence expires",
    ),
    # Inactive licence, and not in good standing: the licence never counts → everything never
    # (cmac: no degree).  veteran_ncm + CE 30 h so that only the licence is missing.
    pytest.param(
        {**veteran_ncm(education=[ce(30, "2026-06-01")]), "licenses": [licence(active=False)]},
        expect(),
        id="an inactive licence counts for nothing",
    ),
    pytest.param(
        {
            **veteran_ncm(education=[ce(30, "2026-06-01")]),
            "licenses": [licence(good_standing=False)],
        },
        expect(),
        id="a licence not in good standing counts for nothing",
    ),
    # LPN is in no list: ccm {rn, pharmacist, clinical-social-worker, counselor}, acm {rn,
    # social-worker, clinical-social-worker}; case-manager hospital since 2022 → all never.
    pytest.param(
        person(
            licenses=[licence("lpn")],
            experience=[job("case-manager", "hospital", "2022-01-01")],
        ),
        expect(),
        id="an lpn licence opens no certification",
    ),
    # LSW (social-worker): acm discipline ✓ + 10,217.1 h hospital → acm now; not a ccm licence.
    pytest.param(
        person(
            licenses=[licence("social-worker")],
            experience=[job("case-manager", "hospital", "2022-01-01")],
        ),
        expect(acm=NOW),
        id="a social worker licence counts for acm but not for ccm",
    ),
    # Pharmacist, case-manager in a health system since 2022: ccm ✓ now; not an acm discipline.
    pytest.param(
        person(
            licenses=[licence("pharmacist")],
            experience=[job("case-manager", "health-system", "2022-01-01")],
        ),
        expect(ccm=NOW),
        id="a pharmacist licence counts for ccm but not for acm",
    ),
    # Counselor (LPC), case-manager in behavioral health since 2022: ccm now, acm never.
    pytest.param(
        person(
            licenses=[licence("counselor")],
            experience=[job("case-manager", "behavioral-health", "2022-01-01")],
        ),
        expect(ccm=NOW),
        id="a counselor licence counts for ccm but not for acm",
    ),
    # An RN who never worked in case management (registered-nurse role only, since 2015):
    # no CM-role hours → ccm never, acm never; cmgt-bc needs 2,000 h as NCM → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[job("registered-nurse", "hospital", "2015-01-01")],
            education=[ce(30, "2026-06-01")],
        ),
        expect(),
        id="bedside nursing alone is not case-management experience",
    ),
    # -----------------------------------------------------------------------------------------
    # Self-employment, references and the attestation.
    # Self-employed, unsupervised NCM in the community since 2020-01-01 (2,519 d = 14,394.3 h).
    # ccm: rn ✓, 4,160 ✓, attestation ✓, but self-employed and 0 < 3 references → never.
    # acm: unsupervised and community → never.  No CE → cmgt-bc never.  cmac never.
    pytest.param(
        self_employed_ncm(0),
        expect(),
        id="a self-employed nurse with no references cannot sit ccm",
    ),
    pytest.param(
        self_employed_ncm(2),
        expect(),
        id="a self-employed nurse with two references still cannot sit ccm",
    ),
    # 3 ≥ 3 references → the self-employment group holds → ccm now.
    pytest.param(
        self_employed_ncm(3),
        expect(ccm=NOW),
        id="a self-employed nurse with three references can sit ccm",
    ),
    # One old self-employed entry (2018–2019) beside a salaried NCM job: "no experience entry is
    # marked self-employed" fails, 0 references → ccm never.  acm: salaried hospital job → now.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[
                job(
                    "case-manager",
                    "community",
                    "2018-01-01",
                    "2019-12-31",
                    self_employed=True,
                    supervised=False,
                ),
                job("nurse-case-manager", "hospital", "2022-01-01"),
            ],
        ),
        expect(acm=NOW),
        id="any self-employed entry, even an old one, needs references for ccm",
    ),
    # Missing attestation: everything else of ccm holds (veteran_ncm) → ccm never; acm now.
    pytest.param(
        veteran_ncm(attestations=[]),
        expect(acm=NOW),
        id="without the good moral character attestation ccm is blocked",
    ),
    # -----------------------------------------------------------------------------------------
    # Settings, pay and supervision (ACM only; CCM has no such restrictions).
    # RN NCM at an insurer since 2023-01-01: 8,131.4 h.  ccm: 8,131.4 ≥ 4,160 → now.
    # acm: insurance is not a health care delivery setting → 0 h → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[job("nurse-case-manager", "insurance", "2023-01-01")],
        ),
        expect(ccm=NOW),
        id="insurance case management counts for ccm but not for acm",
    ),
    # LCSW case manager at a community agency since 2023-01-01 (8,131.4 h): ccm now; acm never
    # (community is not health care delivery).  No rn → cmgt-bc never.  cmac never.
    pytest.param(
        person(
            licenses=[licence("clinical-social-worker")],
            experience=[job("case-manager", "community", "2023-01-01")],
        ),
        expect(ccm=NOW),
        id="community case management counts for ccm but not for acm",
    ),
    # Unpaid hospital NCM since 2022 → acm never; ccm (no pay rule) now.
    pytest.param(
        veteran_ncm(paid=False),
        expect(ccm=NOW),
        id="unpaid work does not count for acm",
    ),
    # Unsupervised hospital NCM since 2022 → acm never; ccm via 4,160 h → now.
    pytest.param(
        veteran_ncm(supervised=False),
        expect(ccm=NOW),
        id="unsupervised work does not count for acm",
    ),
    # -----------------------------------------------------------------------------------------
    # CCM employment routes.  NCM hospital 40 h since 2026-01-01 supervised by a CCM:
    # supervised-by-ccm 2,080 h = 364 days → 2026-12-30 (12 months instead of 24).
    # acm: 364 days → 2026-12-30 too.
    pytest.param(
        ncm_since_2026(supervisor_credentials=["ccm"]),
        expect(ccm=later("2026-12-30"), acm=later("2026-12-30")),
        id="a ccm supervisor brings ccm forward to 12 months",
    ),
    # supervisor_credentials ["ccm"] but supervised false: that option counts only supervised
    # entries → ccm via 4,160 h = 728 days → 2027-12-29; acm (unsupervised) never.
    pytest.param(
        ncm_since_2026(supervised=False, supervisor_credentials=["ccm"]),
        expect(ccm=later("2027-12-29")),
        id="a ccm supervisor counts only when the work is marked supervised",
    ),
    # Supervisor holds acm and cdms, not ccm → 4,160 h route → 2027-12-29; acm 2026-12-30.
    pytest.param(
        ncm_since_2026(supervisor_credentials=["acm", "cdms"]),
        expect(ccm=later("2027-12-29"), acm=later("2026-12-30")),
        id="a supervisor holding other credentials does not shorten ccm",
    ),
    # LCSW + accredited MSW, case-management-supervisor in a hospital since 2025-12-01:
    # d(as_of) = 358 → 2,045.7 h.  ccm supervisor route 2,080 h = 364 days → 2025-12-01 + 363
    # = 2026-11-29.  cmac master-and-supervisor: master ✓ + 2,080 h supervisor → 2026-11-29.
    # acm: a supervisor is not a CM role → never.  No rn → cmgt-bc never.
    pytest.param(
        person(
            licenses=[licence("clinical-social-worker")],
            degrees=[degree("master", "social-work")],
            experience=[job("case-management-supervisor", "hospital", "2025-12-01")],
        ),
        expect(ccm=later("2026-11-29"), cmac=later("2026-11-29")),
        id="a year as case-management supervisor opens ccm and, with a master, cmac",
    ),
    # crc credential, no licence, case-manager at an insurer since 2022 (10,217.1 h): ccm now.
    # acm: no discipline → never.  cmgt-bc never.  cmac: no degree, crc is not acm → never.
    pytest.param(
        person(credentials=["crc"], experience=[job("case-manager", "insurance", "2022-01-01")]),
        expect(ccm=NOW),
        id="a crc credential without a licence opens ccm",
    ),
    pytest.param(
        person(credentials=["cdms"], experience=[job("case-manager", "insurance", "2022-01-01")]),
        expect(ccm=NOW),
        id="a cdms credential without a licence opens ccm",
    ),
    # -----------------------------------------------------------------------------------------
    # Degrees.  Case-manager hospital 40 h since 2022-01-01, no licence.
    # cmac bachelor-and-case-management: 1,820 days → 2022-01-01 + 1,819 = 2026-12-25
    # (2026-01-01 is + 1,461; + 358).  cmac asks no accreditation and any field.
    # Unaccredited BSW: ccm needs an accredited HHS degree → never; acm needs an accredited
    # social-work degree → never.
    pytest.param(
        person(
            degrees=[degree("bachelor", "social-work", accredited=False)],
            experience=[job("case-manager", "hospital", "2022-01-01")],
        ),
        expect(cmac=later("2026-12-25")),
        id="an unaccredited social work degree opens neither ccm nor acm",
    ),
    # Same, accredited: ccm now (10,217.1 ≥ 4,160), acm now, cmac 2026-12-25.
    pytest.param(
        person(
            degrees=[degree("bachelor", "social-work")],
            experience=[job("case-manager", "hospital", "2022-01-01")],
        ),
        # SPEC §3b: meeting ACM's rules closes cmac's track 2 (2026-12-25 otherwise).
        expect(ccm=NOW, acm=NOW, cmac=NEVER),
        id="an accredited social work degree opens ccm and acm and closes cmac track 2",
    ),
    # Accredited business bachelor: not HHS → ccm never; not social-work → acm never; cmac any
    # field → 2026-12-25.
    pytest.param(
        person(
            degrees=[degree("bachelor", "business")],
            experience=[job("case-manager", "hospital", "2022-01-01")],
        ),
        expect(cmac=later("2026-12-25")),
        id="a business degree is not health and human services",
    ),
    # ACM social worker (accredited BSW) with 14 months of hospital case management since
    # 2025-09-24: d = 426 → 2,434.3 h (14 months = 14 × 2,080 / 12 = 2,426.7 h) ≥ 2,080 → acm now.
    # ccm: 4,160 h = 728 days → 2025-09-24 + 727 = 2027-09-21 (2027-09-24 is + 730).
    # cmac: bachelor + 10,400 h = 1,820 days → 2025-09-24 + 1,819 = 2030-09-17 (2030-09-24 is
    # + 1,826) ≤ 2031-11-23 → later.  No rn → cmgt-bc never.
    pytest.param(
        BSW_14_MONTHS,
        # SPEC §3b: acm-eligible, so cmac's track 2 (2030-09-17 otherwise) stays closed.
        expect(ccm=later("2027-09-21"), acm=NOW, cmac=NEVER),
        id="a social worker with 14 months of hospital case management has acm now, ccm later",
    ),
    # -----------------------------------------------------------------------------------------
    # CMAC routes.
    # Master in business + case-management-supervisor hospital since 2025-06-01: d = 541 →
    # 3,091.4 h ≥ 2,080 → cmac now (master-and-supervisor).  ccm: no licence / credential,
    # business is not HHS → never.  acm: never.  cmgt-bc never.
    pytest.param(
        person(
            degrees=[degree("master", "business")],
            experience=[job("case-management-supervisor", "hospital", "2025-06-01")],
        ),
        expect(cmac=NOW),
        id="a master and 12 months as supervisor opens cmac now",
    ),
    # RN with accredited BSN, NCM hospital since 2021-11-01: d = 1,849 → 10,565.7 h ≥ 10,400
    # (reached on day 1,820 = 2026-10-25) → cmac now (bachelor-and-case-management).
    # ccm now, acm now, cmgt-bc: no CE → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            degrees=[degree("bachelor", "nursing")],
            experience=[job("nurse-case-manager", "hospital", "2021-11-01")],
        ),
        # SPEC §3b: this nurse meets ACM's rules, so track 2 is closed: she earns ACM first.
        expect(ccm=NOW, acm=NOW, cmac=NEVER),
        id="a bachelor and five years of case management do not open cmac to an acm-eligible nurse",
    ),
    # acm credential + LSW: case-manager hospital 2024-06-01..2025-05-31 (365 d = 2,085.7 h) +
    # case-management-supervisor hospital since 2025-06-01 (541 d = 3,091.4 h).  Neither alone
    # reaches 4,160; together 5,177.1 ≥ 4,160 → cmac now (acm-and-experience).
    # acm: LSW ✓ + 2,085.7 h CM ≥ 2,080 → now.  ccm: LSW is not a ccm licence, no degree,
    # no crc/cdms → never.  cmgt-bc never.
    pytest.param(
        person(
            licenses=[licence("social-worker")],
            credentials=["acm"],
            experience=[
                job("case-manager", "hospital", "2024-06-01", "2025-05-31"),
                job("case-management-supervisor", "hospital", "2025-06-01"),
            ],
        ),
        expect(acm=NOW, cmac=NOW),
        id="the acm credential with case management and supervision hours together opens cmac",
    ),
    # Accredited MSW, case-manager hospital since 2024-01-01: cmac master-and-case-management
    # 6,240 h = 1,092 days → 2024-01-01 + 1,091 = 2026-12-27 (2026-01-01 is + 731; + 360).
    # ccm: 6,045.7 ≥ 4,160 → now.  acm: master ≥ bachelor in social-work ✓ → now.
    pytest.param(
        person(
            degrees=[degree("master", "social-work")],
            experience=[job("case-manager", "hospital", "2024-01-01")],
        ),
        # SPEC §3b: an acm-eligible social worker is held to track 1 (2026-12-27 otherwise).
        expect(ccm=NOW, acm=NOW, cmac=NEVER),
        id="a master and three years of case management open cmac at the end of 2026",
    ),
    # -----------------------------------------------------------------------------------------
    # Nothing at all, and the 1,826-day horizon.
    pytest.param(
        {"as_of": AS_OF},
        expect(),
        id="a profile with nothing in it is not eligible for anything",
    ),
    # RN NCM hospital at 8 h/wk since 2026-11-30: acm needs 2,080 × 7 / 8 = 1,820 days →
    # 2026-11-30 + 1,819 = 2031-11-23 (2031-11-30 is + 1,826; minus 7) = as_of + 1,826 → later,
    # the last day of the horizon.  ccm (3,640 days) far beyond → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[job("nurse-case-manager", "hospital", "2026-11-30", hours=8)],
        ),
        expect(acm=later("2031-11-23")),
        id="a date exactly 1826 days ahead is still eligible later",
    ),
    # Starting one day later (2026-12-01) moves it to 2031-11-24 = as_of + 1,827 → never.
    pytest.param(
        person(
            licenses=[licence("rn")],
            experience=[job("nurse-case-manager", "hospital", "2026-12-01", hours=8)],
        ),
        expect(),
        id="a date beyond 1826 days ahead is not eligible",
    ),
]


@pytest.mark.parametrize(("profile", "expected"), SCENARIOS)
def test_scenario(assess, profile, expected):
    results = assess(profile)
    got = {
        code: (cert(results, code)["status"], cert(results, code)["eligible_on"]) for code in CERTS
    }
    assert got == expected


# ---------------------------------------------------------------------------------------------
# Detail: have / need / met_on
# ---------------------------------------------------------------------------------------------


def group(result: dict, code: str) -> dict:
    for entry in result["groups"]:
        if entry["code"] == code:
            return entry
    raise AssertionError(f"no group {code} in {result['certification']}")


def option(grp: dict, code: str) -> dict:
    for entry in grp["options"]:
        if entry["code"] == code:
            return entry
    raise AssertionError(f"no option {code} in group {grp['code']}")


def condition(opt: dict, kind: str) -> dict:
    found = [c for c in opt["conditions"] if c["kind"] == kind]
    assert len(found) == 1, f"expected one {kind} condition in option {opt['code']}"
    return found[0]


def test_the_results_echo_as_of_and_list_every_certification(assess):
    results = assess(SPEC_EXAMPLE)
    assert results["as_of"] == "2026-11-23"
    assert isinstance(results["catalog_version"], str)
    assert sorted(r["certification"] for r in results["results"]) == sorted(
        CERTS + ("cdms", "cmcn", "c-swcm", "c-aswcm", "crc", "cmc", "ccctm")
    )
    assert cert(results, "ccm")["body"]
    assert cert(results, "ccm")["name"]


def test_the_spec_example_explains_hours_in_and_out_of_the_window(assess):
    results = assess(SPEC_EXAMPLE)
    bc = cert(results, "cmgt-bc")
    # All time since 2023-01-01: 1,423 d × 40 / 7 = 8,131.43 → 8,131.4 h.
    practice = condition(option(group(bc, "nursing-practice"), "two-years"), "experience")
    assert practice["have"] == pytest.approx(8131.4)
    assert practice["need"] == 4160
    assert practice["unit"] == "hours"
    assert practice["met"] is True
    assert practice["met_on"] == "2026-11-23"
    # Only 2023-11-24..2026-11-23 inside the window: 1,096 d × 40 / 7 = 6,262.86 → 6,262.9 h.
    recent = condition(option(group(bc, "recent-case-management"), "2000-hours"), "experience")
    assert recent["have"] == pytest.approx(6262.9)
    assert recent["need"] == 2000
    assert recent["met"] is True
    # 12 CE h of 30, and no more ever → never met.
    ce_cond = condition(option(group(bc, "education"), "30-hours"), "education")
    assert ce_cond["have"] == pytest.approx(12)
    assert ce_cond["need"] == 30
    assert ce_cond["unit"] == "hours"
    assert ce_cond["met"] is False
    assert ce_cond["met_on"] is None
    assert group(bc, "education")["met"] is False
    assert group(bc, "education")["met_on"] is None


def test_the_spec_example_dates_the_cmac_bachelor_route(assess):
    cmac = cert(assess(SPEC_EXAMPLE), "cmac")
    route = group(cmac, "route")
    bachelor = option(route, "bachelor-and-case-management")
    exp = condition(bachelor, "experience")
    # 8,131.4 h now; 10,400 h after 1,820 days = 2023-01-01 + 1,819 = 2027-12-25.
    assert exp["have"] == pytest.approx(8131.4)
    assert exp["need"] == 10400
    assert exp["met"] is False
    assert exp["met_on"] == "2027-12-25"
    assert condition(bachelor, "degree")["met"] is True
    # ...but she meets ACM's rules on every day, which closes track 2 (SPEC §3b).
    assert condition(bachelor, "not-eligible-for")["met_on"] is None
    assert bachelor["met_on"] is None
    assert route["met"] is False
    assert route["met_on"] is None
    # No master → the master routes never hold.
    assert option(route, "master-and-case-management")["met_on"] is None
    assert option(route, "acm-and-experience")["met_on"] is None


def test_ccm_employment_options_are_each_explained(assess):
    ccm = cert(assess(SPEC_EXAMPLE), "ccm")
    employment = group(ccm, "employment")
    assert employment["met"] is True
    assert employment["met_on"] == "2026-11-23"
    supervised = condition(option(employment, "supervised-by-ccm"), "experience")
    assert supervised["have"] == pytest.approx(8131.4)
    assert supervised["need"] == 2080
    # Not one hour as case-management-supervisor: 0 of 2,080, never.
    supervisor = condition(option(employment, "supervisor"), "experience")
    assert supervisor["have"] == 0
    assert supervisor["met"] is False
    assert supervisor["met_on"] is None
    assert group(ccm, "licence-or-education")["met"] is True
    assert option(group(ccm, "licence-or-education"), "credential")["met"] is True  # crc


def test_a_new_nurse_case_manager_sees_when_acm_experience_will_be_met(assess):
    acm = cert(assess(NEW_NCM), "acm")
    assert acm["status"] == "eligible_later"
    exp_group = group(acm, "experience")
    exp = condition(option(exp_group, "health-care-case-management"), "experience")
    # 176 days × 40 / 7 = 1,005.71 → 1,005.7 h; 364 days → 2027-05-30.
    assert exp["have"] == pytest.approx(1005.7)
    assert exp["need"] == 2080
    assert exp["unit"] == "hours"
    assert exp["met"] is False
    assert exp["met_on"] == "2027-05-30"
    assert exp_group["met"] is False
    assert exp_group["met_on"] == "2027-05-30"
    discipline = group(acm, "discipline")
    assert discipline["met"] is True
    assert discipline["met_on"] == "2026-11-23"
    assert option(discipline, "social-work-degree")["met_on"] is None


def test_cmgt_bc_recent_hours_show_the_window_and_their_later_date(assess):
    bc = cert(assess(SLIDING), "cmgt-bc")
    recent = condition(option(group(bc, "recent-case-management"), "2000-hours"), "experience")
    # Old job inside the window: 190 d × 40 / 7 = 1,085.71; current: 268 d × 20 / 7 = 765.71;
    # 1,851.43 → 1,851.4 h.  Reached only on 2028-01-29 (700 days of the 20 h job).
    assert recent["have"] == pytest.approx(1851.4)
    assert recent["met"] is False
    assert recent["met_on"] == "2028-01-29"
    practice = condition(option(group(bc, "nursing-practice"), "two-years"), "experience")
    # (40 × 1,612 + 40 × 366 + 20 × 268) / 7 = 84,480 / 7 = 12,068.57 → 12,068.6 h.
    assert practice["have"] == pytest.approx(12068.6)
    assert practice["met"] is True


def test_future_ce_meets_its_condition_on_its_completion_date(assess):
    bc = cert(assess(veteran_ncm(education=[ce(30, "2027-02-15")])), "cmgt-bc")
    ce_cond = condition(option(group(bc, "education"), "30-hours"), "education")
    assert ce_cond["have"] == 0
    assert ce_cond["met"] is False
    assert ce_cond["met_on"] == "2027-02-15"


def test_ce_that_has_aged_out_is_not_counted_in_have(assess):
    bc = cert(assess(veteran_ncm(education=[ce(30, "2023-11-23")])), "cmgt-bc")
    ce_cond = condition(option(group(bc, "education"), "30-hours"), "education")
    assert ce_cond["have"] == 0
    assert ce_cond["met"] is False
    assert ce_cond["met_on"] is None


def test_an_expiring_licence_holds_now_but_not_when_the_experience_arrives(assess):
    acm = cert(assess(ncm_with_licence_expiring("2027-03-31")), "acm")
    assert acm["status"] == "not_eligible"
    assert acm["eligible_on"] is None
    rn = condition(option(group(acm, "discipline"), "rn-licence"), "licence")
    assert rn["met"] is True
    assert rn["met_on"] == "2026-11-23"
    assert group(acm, "experience")["met_on"] == "2027-05-30"


def test_references_are_shown_against_the_three_needed(assess):
    ccm = cert(assess(self_employed_ncm(2)), "ccm")
    self_emp = group(ccm, "self-employment")
    refs = condition(option(self_emp, "references"), "references")
    assert refs["have"] == 2
    assert refs["need"] == 3
    assert refs["unit"] == "references"
    assert refs["met"] is False
    assert refs["met_on"] is None
    assert option(self_emp, "not-self-employed")["met"] is False
    assert self_emp["met"] is False
    assert self_emp["met_on"] is None


def test_a_missing_attestation_is_the_only_unmet_ccm_group(assess):
    ccm = cert(assess(veteran_ncm(attestations=[])), "ccm")
    unmet = [g["code"] for g in ccm["groups"] if not g["met"]]
    assert unmet == ["conduct"]
    assert group(ccm, "conduct")["met_on"] is None


def test_an_unsupervised_job_counts_nothing_toward_the_ccm_supervisor_option(assess):
    ccm = cert(assess(ncm_since_2026(supervised=False, supervisor_credentials=["ccm"])), "ccm")
    employment = group(ccm, "employment")
    supervised = condition(option(employment, "supervised-by-ccm"), "experience")
    assert supervised["have"] == 0
    assert supervised["met_on"] is None
    # 327 d × 40 / 7 = 1,868.57 → 1,868.6 h in CM roles; 728 days → 2027-12-29.
    cm = condition(option(employment, "case-management"), "experience")
    assert cm["have"] == pytest.approx(1868.6)
    assert cm["need"] == 4160
    assert cm["met_on"] == "2027-12-29"
    assert employment["met_on"] == "2027-12-29"


def test_an_eligible_result_is_dated_on_as_of_with_every_group_met(assess):
    acm = cert(assess(BSW_14_MONTHS), "acm")
    assert acm["status"] == "eligible"
    assert acm["eligible_on"] == "2026-11-23"
    assert all(g["met"] and g["met_on"] == "2026-11-23" for g in acm["groups"])


def test_acm_asks_for_supervisor_contact_details_under_4160_hours(assess):
    # BSW_14_MONTHS: 2,434.3 h < 4,160 → the supervisor-contact note is shown.
    # A BSW case manager since 2022 (10,217.1 h ≥ 4,160) → that note is not shown.
    def supervisor_notes(profile):
        notes = cert(assess(profile), "acm")["application_notes"]
        assert all(isinstance(n, str) for n in notes)
        return [n for n in notes if "supervisor" in n.lower()]

    veteran_bsw = person(
        degrees=[degree("bachelor", "social-work")],
        experience=[job("case-manager", "hospital", "2022-01-01")],
    )
    short = supervisor_notes(BSW_14_MONTHS)
    long_ = supervisor_notes(veteran_bsw)
    assert short, "expected a note about supervisor contact details"
    assert len(long_) < len(short)
