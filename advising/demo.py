"""Demo data for the advisors' side: varied, realistic client profiles.

`demo_profile(rng, snapshot, today)` makes one profile (docs/profile-format.md) of a nurse, a
social worker, a counsellor or rehabilitation worker, or someone from another background, with
a believable career: 1–3 jobs over the last ten years, CE, references and attestations. Each
person is placed near a career milestone (one, two, three or five years of case management) so
that, over a few dozen people, every certification has clients eligible now, within six months,
within a year and not yet. Every code is read from the snapshot, so the profiles always pass
`parse_profile`. `manage.py seed_demo` and the tests use these (the tests' factories are in
tests/factories.py); nothing here runs in a request.
"""

import datetime as dt
import random
from typing import NamedTuple

from eligibility.audiences import attestations_asked
from eligibility.snapshot import Snapshot

DEMO_PASSWORD = "careerpath-demo"  # noqa: S105 - documented demo accounts, printed only in DEBUG  # nosec B105


def email_for(name: str, external_id: str = "") -> str:
    """A plausible address on a reserved domain (never a real mailbox)."""
    local = ".".join(part for part in name.lower().replace("'", "").split() if part.isalpha())
    suffix = "".join(ch for ch in external_id if ch.isdigit())[-4:]
    return f"{local or 'client'}{suffix}@example.org"


# --- profiles -------------------------------------------------------------------------------

KINDS = (
    ("nurse", 42),
    ("social-worker", 28),
    ("counsellor", 12),
    ("disability-manager", 8),
    ("other", 10),
)
# What each kind of person works toward, with weights (certification codes; those the catalog
# lacks are skipped).
GOALS = {
    "nurse": (
        ("acm", 2),
        ("ccm", 2),
        ("cmgt-bc", 4),
        ("cmac", 2),
        ("cmcn", 1),
        ("cmc", 1),
        ("ccctm", 1),
    ),
    "social-worker": (
        ("acm", 3),
        ("ccm", 3),
        ("cmac", 2),
        ("c-swcm", 2),
        ("c-aswcm", 2),
        ("cmc", 2),
    ),
    "disability-manager": (("cdms", 3), ("ccm", 1)),
    "counsellor": (("ccm", 3), ("cmac", 1), ("crc", 3)),
    "other": (("ccm", 1), ("cmac", 1)),
}
# Questions about one certification's own circumstances: answered Yes by the people who work
# toward it, and by this share of the others. ANCC's word that it takes a first-time CCCTM
# application is rare; every core care-management function under yearly supervision (the
# CMC) is the work of geriatric care managers more than of most case managers.
MOSTLY_FOR_GOAL = {
    "ccctm-new-applications-open": ("ccctm", 0.0),
    "cmc-core-functions": ("cmc", 0.3),
}
# How far from the goal's experience milestone they stand today: months short of it (negative:
# passed it), so over a few dozen people each certification has every kind of answer.
DISTANCES = {"now": (-48, -1), "6 months": (0.5, 5.5), "a year": (6.5, 11.5), "later": (13, 40)}
DISTANCE_WEIGHTS = (35, 25, 20, 20)
HEALTH_CARE = ("hospital", "health-system", "home-health", "post-acute", "behavioral-health")
HOURS_PER_WEEK = (20, 24, 30, 32, 36, 40, 40, 40, 40)
FULL_TIME_MONTH_HOURS = 2080 / 12
YEAR = 365.25


class Plan(NamedTuple):
    kind: str  # of person: nurse, social-worker, counsellor, disability-manager, other
    goal: str  # the certification they work toward ("" when the catalog has none of GOALS)
    distance: str  # from its experience milestone today (a key of DISTANCES)
    clean: bool = False  # no setbacks: licence in order, job ongoing, employed, attested


class Person:
    """One demo person under construction: the random source, the catalog and their jobs."""

    def __init__(self, rng: random.Random, snapshot: Snapshot, today: dt.date, plan: Plan):
        self.rng, self.snapshot, self.today, self.plan = rng, snapshot, today, plan
        self.kind, self.goal, self.distance, self.clean = plan
        self.jobs: list[dict] = []
        # Attestations this person answers No (see MOSTLY_FOR_GOAL and _counsellor's CRC route).
        self.declines = {
            code
            for code, (goal, share) in MOSTLY_FOR_GOAL.items()
            if goal != self.goal and not self.chance(share)
        }
        self.earliest = today - dt.timedelta(days=round(YEAR * 10))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def setback(self, probability: float) -> bool:
        """Something that holds a person back (never for a clean plan)."""
        return not self.clean and self.chance(probability)

    # codes, always from the catalog

    def pick(self, vocabulary: str, *preferred: str) -> str:
        """One of the preferred codes the catalog has; any code of the vocabulary otherwise."""
        codes = self.snapshot.vocabulary(vocabulary)
        present = [code for code in preferred if code in codes]
        return self.rng.choice(present) if present else self.rng.choice(sorted(codes))

    def some(self, vocabulary: str, probability: float, *preferred: str) -> list[str]:
        """Each preferred code the catalog has, kept with `probability`."""
        codes = self.snapshot.vocabulary(vocabulary)
        return [c for c in preferred if c in codes and self.chance(probability)]

    def day(self, days: float) -> dt.date:
        return self.today + dt.timedelta(days=round(days))

    # work

    def job(self, role: str, setting: str, start: dt.date, end: dt.date | None, hours, **extra):
        self.jobs.append({
            "role": self.pick("roles", role),
            "setting": self.pick("settings", setting),
            "start": max(start, self.earliest).isoformat(),
            "end": end.isoformat() if end else None,
            "hours_per_week": hours,
            "paid": extra.get("paid", not self.setback(0.03)),
            "supervised": extra.get("supervised", not self.setback(0.15)),
            "supervisor_credentials": extra.get("supervisor_credentials", []),
            "self_employed": extra.get("self_employed", False),
        })  # fmt: skip

    def current(self, role: str, setting: str, milestone: float, **extra) -> dt.date:
        """The job that carries the person toward their goal, which asks for `milestone`
        full-time months: started so that they reach it at their distance (in calendar time, at
        the job's hours). Mostly ongoing; some ended a few weeks or months ago (between jobs),
        a few are self-employed. Returns its start."""
        rng = self.rng
        hours = rng.choice(HOURS_PER_WEEK if milestone < 30 else HOURS_PER_WEEK[3:])
        if "self_employed" not in extra and self.setback(0.05):
            extra.update(self_employed=True, supervised=False, supervisor_credentials=[])
        lo, hi = DISTANCES[self.distance]
        to_go = rng.uniform(lo, hi) * YEAR / 12  # calendar days; negative: passed it
        worked = milestone * FULL_TIME_MONTH_HOURS - hours * to_go / 7
        days = max(7, worked * 7 / hours)
        end = self.day(-rng.randint(14, 200)) if self.setback(0.1) else None
        start = (end or self.today) - dt.timedelta(days=round(days))
        self.job(role, setting, start, end, hours, **extra)
        return max(start, self.earliest)

    def earlier(self, before: dt.date, role: str, setting: str, years: tuple[float, float]):
        """A finished job ending shortly before `before`; returns its start."""
        end = before - dt.timedelta(days=self.rng.randint(1, 150))
        if end <= self.earliest + dt.timedelta(days=120):
            return before
        start = end - dt.timedelta(days=round(YEAR * self.rng.uniform(*years)))
        self.job(role, setting, start, end, self.rng.choice((32, 36, 40, 40, 40)))
        return max(start, self.earliest)

    def supervisors(self, probability: float, *credentials: str) -> list[str]:
        return self.some("credentials", probability, *credentials)[:1]

    # the rest of the profile

    def education(self, *topics: str) -> list[dict]:
        """CE over the last four years (a course still running now and then)."""
        entries = []
        for _ in range(self.rng.choices((0, 1, 2, 3, 4), (15, 25, 30, 20, 10))[0]):
            future = self.chance(0.08)
            days = self.rng.randint(20, 300) if future else -self.rng.randint(10, 1460)
            entries.append(self.course(self.pick("ce_topics", *topics), days))
        return entries

    def course(self, topic: str, days: float, hours: float | None = None) -> dict:
        hours = hours if hours is not None else self.rng.choice((3, 6, 8, 10, 12, 15, 16, 20, 24))
        return {"topic": topic, "hours": hours, "completed": self.day(days).isoformat()}

    def licence(self, *types: str) -> dict:
        expires = None  # most people leave the renewal date out; a few have let it lapse
        if self.chance(0.2):
            expires = self.day(self.rng.randint(300 if self.clean else -60, 1600)).isoformat()
        return {
            "type": self.pick("licence_types", *types),
            "active": not self.setback(0.03),
            "good_standing": not self.setback(0.02),
            "expires": expires,
        }

    def degree(self, level: str, *fields: str) -> dict:
        return {
            "level": self.pick("degree_levels", level),
            "field": self.pick("degree_fields", *fields),
            "accredited": not self.setback(0.06),
        }

    def profile(self, licenses=(), degrees=(), credentials=(), education=()) -> dict:
        self_employed = any(job["self_employed"] for job in self.jobs)
        weights = (20, 15, 20, 45) if self_employed else (55, 12, 13, 20)
        profile = {
            "licenses": list(licenses),
            "degrees": list(degrees),
            "credentials": sorted(set(credentials)),
            "experience": sorted(self.jobs, key=lambda job: job["start"]),
            "education": sorted(education, key=lambda course: course["completed"]),
            "references": self.rng.choices((0, 1, 2, 3), weights)[0],
        }
        # Only the questions the wizard would put to this person (a nurse is not asked to
        # sign the social workers' code), most answered Yes.
        asked = sorted(attestations_asked(profile, self.snapshot))
        profile["attestations"] = [
            code for code in asked if code not in self.declines and not self.setback(0.07)
        ]
        return profile


def demo_plan(rng: random.Random, snapshot: Snapshot) -> Plan:
    """A kind of person, the certification they work toward and their distance from it."""
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    certifications = {cert.code for cert in snapshot.certifications}
    goals = [(goal, w) for goal, w in GOALS[kind] if goal in certifications] or [("", 1)]
    goal = rng.choices([g for g, _ in goals], [w for _, w in goals])[0]
    return Plan(kind, goal, rng.choices(tuple(DISTANCES), DISTANCE_WEIGHTS)[0])


def demo_plans(rng: random.Random, snapshot: Snapshot, count: int) -> list[Plan]:
    """Plans for `count` people. The first are every goal at every distance once, without
    setbacks (in a random order, each with a kind of person who works toward it), so even a
    small demo shows every kind of answer for every certification; the rest are drawn."""
    certifications = {cert.code for cert in snapshot.certifications}
    cover = []
    for goal in sorted({g for goals in GOALS.values() for g, _ in goals} & certifications):
        kinds = [kind for kind, goals in GOALS.items() if goal in dict(goals)]
        cover += [Plan(rng.choice(kinds), goal, distance, True) for distance in DISTANCES]
    rng.shuffle(cover)
    plans = cover[:count]
    plans += [demo_plan(rng, snapshot) for _ in range(count - len(plans))]
    return plans


def demo_profile(
    rng: random.Random, snapshot: Snapshot, today: dt.date, plan: Plan | None = None
) -> dict:
    """One varied, realistic profile (docs/profile-format.md) as of `today`, valid for
    `parse_profile`.

    A nurse, a social worker, a counsellor or rehabilitation worker, or someone from another
    background (psychology, gerontology, public health, business, an LPN), with 1–3 jobs over
    the last ten years, CE, references and attestations. Each works toward one certification
    and stands at a distance from its experience milestone (passed it, within six months,
    within a year, further): `plan` (see `demo_plans`), or drawn at random.
    """
    plan = plan or demo_plan(rng, snapshot)
    return PEOPLE[plan.kind](Person(rng, snapshot, today, plan))


def _cmac_milestone(credentials: list, master: bool, supervisor: bool) -> float:
    """Full-time months the quickest CMAC route open to this person asks for."""
    routes = [(36 if supervisor else 60), *([12 if supervisor else 36] if master else [])]
    return min(routes + [24] * bool(credentials))


# Hours of case management after the social work degree NASW's credentials ask for.
NASW_HOURS = {"c-swcm": 4500, "c-aswcm": 3000}
# Hours of supervised care management after the degree the CMC asks: after a master's, or
# (all case-management work counted) after a bachelor's.
CMC_HOURS = {True: 3640, False: 5460}


def _case_manager_route(
    p: Person, role: str, supervisors: list, credentials: list, master: bool
) -> tuple[str, float, dict]:
    """The job toward the person's goal: its role, the full-time months it needs, and what
    the job entry must say for that goal's route (CCM: a certified supervisor halves it)."""
    milestone = 12.0
    if p.goal == "ccm":
        supervisors = p.supervisors(0.4, "ccm")
        milestone = 12 if supervisors else 24
    elif p.goal == "cmac":
        supervisor = p.chance(0.35)
        role = "case-management-supervisor" if supervisor else role
        milestone = _cmac_milestone(credentials, master, supervisor)
    elif p.goal in NASW_HOURS:
        milestone = NASW_HOURS[p.goal] / FULL_TIME_MONTH_HOURS + 0.2
    elif p.goal == "cmc":
        milestone = CMC_HOURS[master] / FULL_TIME_MONTH_HOURS + 0.2
    elif p.goal == "ccctm":  # two years of care coordination as an RN
        milestone = 4160 / FULL_TIME_MONTH_HOURS + 0.2
    extra = {"supervisor_credentials": supervisors}
    if p.goal in ("acm", "cmc", *NASW_HOURS):  # paid and supervised work only
        extra.update(paid=True, supervised=True, self_employed=False)
    return role, milestone, extra


def _nurse(p: Person) -> dict:
    rng, goal = p.rng, p.goal
    degrees = [p.degree(rng.choices(("associate", "bachelor"), (30, 70))[0], "nursing")]
    if goal == "cmac" and degrees[0]["level"] == "associate":
        degrees.append(p.degree("bachelor", "nursing"))  # RN-to-BSN
    master = p.chance(0.35 if goal == "cmac" else 0.1) and degrees[-1]["level"] == "bachelor"
    if master:
        degrees.append(p.degree("master", "nursing", "nursing", "business", "public-health"))
    credentials = []
    if goal == "cmac" and p.chance(0.5) or goal != "acm" and p.chance(0.1):
        credentials = p.some("credentials", 1.0, "acm")
    if goal == "cmcn" and (p.distance == "now" or p.distance != "later" and p.chance(0.5)):
        credentials += p.some("credentials", 1.0, "aamcn-managed-care-course")

    settings = (
        HEALTH_CARE[:4] if goal in ("acm", "cmgt-bc", "ccctm") else (*HEALTH_CARE[:4], "insurance")
    )
    if goal == "cmcn":
        settings = ("insurance", "health-system")  # managed care
    supervisors = p.supervisors(0.3, "ccm", "acm", "cmgt-bc")
    role, milestone, extra = _case_manager_route(
        p, "nurse-case-manager", supervisors, credentials, master
    )
    if goal == "cmgt-bc":
        milestone = 2000 / FULL_TIME_MONTH_HOURS + 0.3  # hours in the last three years

    setting = rng.choice(settings)
    if goal != "cmgt-bc" and p.setback(0.12):
        # Still at the bedside, with a case-management post to start within three months.
        start = p.day(-YEAR * rng.uniform(1, 6))
        p.job("registered-nurse", rng.choice(("hospital", "post-acute")), start, None,
              rng.choice(HOURS_PER_WEEK))  # fmt: skip
        p.job(role, setting, p.day(rng.randint(7, 90)), None, rng.choice(HOURS_PER_WEEK), **extra)
    else:
        start = p.current(role, setting, milestone, **extra)
    # Bedside nursing first: two years or more for most (the nursing-practice requirement).
    if not p.setback(0.1):
        years = (2, 6) if p.clean else (1.5, 6)
        p.earlier(start, "registered-nurse", rng.choice(HEALTH_CARE), years)

    education = p.education(*("nursing-case-management",) * 3, "ethics", "case-management")
    if goal == "cmgt-bc":
        education = [c for c in education if c["topic"] != "nursing-case-management"]
        education += _nursing_ce(p)
    licence = p.licence("lpn" if p.setback(0.03) else "rn")
    return p.profile([licence], degrees, credentials, education)


def _nursing_ce(p: Person) -> list[dict]:
    """Nursing case management CE toward 30 hours in three years: done, or a last course that
    ends when the person stands at their distance (short of it for the furthest)."""
    rng = p.rng
    topic = p.pick("ce_topics", "nursing-case-management")
    oldest = 600 if p.clean else 1000
    done = [p.course(topic, -rng.randint(30, oldest), rng.choice((8, 10, 12))) for _ in range(2)]
    have = sum(c["hours"] for c in done)
    if p.distance == "later":
        return done[:1]
    if p.distance == "now" or p.chance(0.5):  # the hours of work are what is missing
        return [*done, p.course(topic, -rng.randint(10, 300), max(6, 30 - have + 4))]
    lo, hi = DISTANCES[p.distance]
    return [*done, p.course(topic, rng.uniform(lo, hi) * YEAR / 12, max(6, 30 - have))]


def _social_worker(p: Person) -> dict:
    rng, goal = p.rng, p.goal
    master = goal == "c-aswcm" or p.chance(0.7 if goal == "cmac" else 0.5)
    fields = (
        ("social-work",) if goal in NASW_HOURS else ("social-work", "social-work", "psychology")
    )
    degrees = [p.degree("bachelor", *fields)]
    if master:
        degrees.append(p.degree("master", "social-work"))
    licence = rng.choices(("clinical-social-worker", "social-worker", None), (35, 45, 20))[0]
    if licence == "clinical-social-worker" and not master:
        licence = "social-worker"
    if p.clean and not licence:
        licence = "social-worker"  # the ACM route through a licence when the degree is not
    credentials = p.some("credentials", 0.4 if goal == "cmac" else 0.1, "acm")

    elsewhere = ("community", "government", "insurance", "school")
    setting = rng.choice(HEALTH_CARE if goal == "acm" or p.chance(0.5) else elsewhere)
    supervisors = p.supervisors(0.25, "ccm", "acm")
    role, milestone, extra = _case_manager_route(
        p, "case-manager", supervisors, credentials, master
    )
    start = p.current(role, setting, milestone, **extra)
    if p.chance(0.75):
        before = rng.choice(("community", "behavioral-health", "government", "school"))
        p.earlier(start, "social-worker", before, (1, 5))
    licenses = [p.licence(licence)] if licence else []
    education = p.education("case-management", "case-management", "ethics")
    if goal == "c-aswcm" and not p.setback(0.2):  # the 20 hours of case management CE
        education.append(
            p.course(p.pick("ce_topics", "case-management"), -rng.randint(30, 900), 20)
        )
    return p.profile(licenses, degrees, credentials, education)


def _disability_manager(p: Person) -> dict:
    """Absence, disability and return-to-work managers at carriers and employers: a bachelor's
    in any field or an RN licence, a year or more of disability management."""
    rng = p.rng
    nurse = p.chance(0.25)
    field = (
        "nursing" if nurse else rng.choice(("business", "psychology", "rehabilitation", "other"))
    )
    degrees = [p.degree("associate" if nurse and p.chance(0.4) else "bachelor", field)]
    setting = rng.choice(("employer", "employer", "insurance"))
    milestone = 12.2 if p.goal == "cdms" else 24  # CDMS: 2,080 hours in the last three years
    supervisors = p.supervisors(0.2, "ccm") if p.goal == "ccm" else []
    start = p.current(
        "disability-manager", setting, milestone, paid=True, supervisor_credentials=supervisors
    )
    if p.chance(0.6):
        p.earlier(start, "registered-nurse" if nurse else "other", "other", (1, 4))
    licenses = [p.licence("rn")] if nurse else []
    credentials = p.some("credentials", 0.1, "ccm")
    return p.profile(licenses, degrees, credentials, p.education("case-management", "other"))


def _counsellor(p: Person) -> dict:
    """Counsellors and rehabilitation counsellors, mostly in insurance, legal or public work."""
    rng, goal = p.rng, p.goal
    field = rng.choice(("counseling", "counseling", "rehabilitation", "psychology"))
    degrees = [p.degree("bachelor", "psychology", "rehabilitation", "other")]
    master = goal == "crc" or p.clean or p.chance(0.85 if goal == "cmac" else 0.7)
    if master:
        degrees.append(p.degree("master", "rehabilitation-counseling" if goal == "crc" else field))
    licenses = [p.licence("counselor")] if p.chance(0.6) else []
    credentials = [] if goal == "crc" else p.some("credentials", 0.3, "crc", "cdms")
    supervisors = p.supervisors(0.4, "ccm")
    milestone = 12 if supervisors else 24
    role = "case-manager"
    if goal == "cmac":
        milestone = _cmac_milestone([], master, False)
    elif goal == "crc":
        # CRCC's employment route: two years as a rehabilitation counselor, one of them under a
        # CRC. Graduates of an accredited program (its first category) are eligible at once,
        # so most on this route answer No to the program questions.
        role = "rehabilitation-counselor"
        milestone = 4160 / FULL_TIME_MONTH_HOURS + 0.2
        supervisors = p.some("credentials", 1, "crc")
        if not (p.distance == "now" and p.chance(0.3)):
            p.declines |= {"crc-cacrep-program", "crc-supervised-internship"}
    setting = rng.choice(("insurance", "legal", "government", "community", "behavioral-health"))
    start = p.current(role, setting, milestone, supervisor_credentials=supervisors)
    if p.chance(0.6):
        p.earlier(start, "other", rng.choice(("behavioral-health", "community", "school")), (1, 4))
    education = p.education("case-management", "ethics", "other")
    return p.profile(licenses, degrees, credentials, education)


def _other(p: Person) -> dict:
    """Psychology, gerontology, public-health or business graduates, and LPNs."""
    rng, goal = p.rng, p.goal
    hhs = ("psychology", "gerontology", "public-health")
    field = rng.choice(hhs if p.clean else (*hhs, "business", "other"))
    level = "bachelor" if goal == "cmac" or p.clean or p.chance(0.75) else "associate"
    degrees = [p.degree(level, field)]
    master = level == "bachelor" and p.chance(0.3)
    if master:
        degrees.append(p.degree("master", "business", "public-health", "gerontology"))
    supervisor = goal == "cmac" and p.chance(0.5)
    supervisors = [] if supervisor else p.supervisors(0.3, "ccm")
    milestone = 12 if supervisors else 24
    if goal == "cmac":
        milestone = _cmac_milestone([], master, supervisor)
    setting = rng.choice(("community", "insurance", "government", "home-health", "other"))
    role = "case-management-supervisor" if supervisor else "case-manager"
    start = p.current(role, setting, milestone, supervisor_credentials=supervisors)
    if p.chance(0.5):
        p.earlier(start, "other", rng.choice(("other", "community")), (1, 5))
    licenses = [p.licence("lpn")] if p.chance(0.25) else []
    return p.profile(licenses, degrees, [], p.education("case-management", "other"))


PEOPLE = {
    "nurse": _nurse,
    "social-worker": _social_worker,
    "counsellor": _counsellor,
    "disability-manager": _disability_manager,
    "other": _other,
}
