"""Job options: which case-manager job types fit a person, how well, and why. No Django
import."""

from .engine import HORIZON_DAYS, CertificationResult, intersect
from .explain import either, when_you_can_sit
from .kinds import KINDS
from .profile import Profile
from .snapshot import Snapshot

# A helpful certification within a year adds to a job's fit (once, however many there are);
# one years away is still named among the reasons.
SOON_DAYS = 365


def one_certification_away(
    result: CertificationResult, by_code: dict[str, CertificationResult], as_of: int
) -> list[tuple[CertificationResult, str]] | None:
    """What stands between the person and a certification they cannot reach on their record
    alone, when it is only another certification they can sit for: for each requirement that
    holds on no day of the horizon, a route whose one missing piece is holding that other
    certification, the rest of the route already met on the day they can sit for it (CMAC's
    "ACM plus 2 years in case management or leadership" for a nurse with two years of case
    management who meets ACM's rules, CMAC's other routes being closed to her). One (the
    certification to earn, the route's name) a requirement, or None. The rest must already be
    met so that the route's own experience, not a guess about years to come, says the person
    is near: like the path's sooner route (path.py), this assumes they earn that certification
    when they can."""
    if result.status != "not_eligible":
        return None
    found = []
    for group in result.groups:
        if group.days:  # holds on some day of the horizon without another certification
            continue
        way = None
        for option in group.options:
            wanted = [c for c in option.conditions if not c.days]
            if len(wanted) != 1:
                continue
            stone = KINDS[wanted[0].condition.kind].earned_through(wanted[0].condition, by_code)
            if stone is None:
                continue
            rest = [(as_of, as_of + HORIZON_DAYS)]
            for cond in option.conditions:
                if cond is not wanted[0]:
                    rest = intersect(rest, cond.days)
            met_then = any(lo <= stone.eligible_on <= hi for lo, hi in rest)
            if met_then and (way is None or stone.eligible_on < way[0].eligible_on):
                way = (stone, option.name)
        if way is None:
            return None
        found.append(way)
    return found or None


def job_fit(profile: Profile, results: list[CertificationResult], snap: Snapshot) -> list[dict]:
    """Job roles that fit this person, best first, each with the reasons."""
    licences = {lic.type for lic in profile.licenses if lic.active and lic.good_standing}
    fields = {d.field for d in profile.degrees}
    has_bachelor = (
        any(d.rank >= snap.degree_levels["bachelor"].rank for d in profile.degrees)
        if ("bachelor" in snap.degree_levels)
        else bool(profile.degrees)
    )
    roles = {e.role for e in profile.experience}
    settings = {e.setting for e in profile.experience}
    held_codes = profile.credentials
    reachable = {r.certification.code: r for r in results if r.status != "not_eligible"}
    by_code = {r.certification.code: r for r in results}
    jobs = []
    for index, job in enumerate(snap.job_roles):
        words = snap.job_words[job.code]
        background = [text for code, text in words.licences if code in licences]
        background += [text for code, text in words.fields if code in fields]
        background += [text for code, text in words.roles if code in roles]
        # Any bachelor's is the weakest background a job names: it fits, but less than the
        # person's own licence, field or line of work (a housing case manager's "any
        # bachelor's" came before return-to-work case management for a rehabilitation
        # counselor).
        weight = 3
        if not background and job.background_any_bachelor and has_bachelor:
            background = ["a bachelor's degree or higher"]
            weight = 2
        # A next-step job (leadership) is shown to whoever holds or is nearing one of its
        # certifications, or is one certification away from it (CMAC through ACM), and to
        # whoever has its background and holds or can sit for a certification that helps (a
        # case management supervisor who can sit for ACM or CCM): keying on CMAC alone hid it
        # from everyone who meets ACM's rules once CMAC's track 2 was closed to them.
        through = {}
        if job.shown_when_reaching and not any(
            c in held_codes or c in reachable for c in job.shown_when_reaching
        ):
            for code in job.shown_when_reaching:
                ways = (
                    one_certification_away(by_code[code], by_code, profile.as_of)
                    if code in by_code
                    else None
                )
                if ways:
                    through[code] = ways
            helped = any(c in held_codes or c in reachable for c in job.helpful_certifications)
            if not through and not (background and helped):
                continue
        overlap = job.settings & settings
        if not background and not overlap:
            continue
        why, score = [], 0
        if background:
            score += weight
            why.append("Fits your background: " + either(background, "and") + ".")
        if overlap:
            score += 1
            places = either([text for code, text in words.settings if code in overlap], "and")
            why.append(f"These jobs are found where you have worked: {places}.")
        held = [c for c in job.helpful_certifications if c in held_codes]
        if held:
            score += 2
            why.append("You hold " + either([snap.credential_names[c] for c in held], "and") + ".")
        soon = False
        for code in job.helpful_certifications:
            if code in reachable and code not in held_codes:
                r = reachable[code]
                soon = soon or r.eligible_on <= profile.as_of + SOON_DAYS
                why.append(f"You can sit for {snap.credential_names[code]} {when_you_can_sit(r)}.")
        for code, ways in through.items():
            for stone, route in ways:
                why.append(
                    f"Once you hold {snap.credential_names[stone.certification.code]}, you can "
                    f"sit for {snap.credential_names[code]}: \u201c{route}\u201d."
                )
        score += soon
        fit = "strong" if score >= 5 else "good" if score >= 3 else "possible"
        if not background:  # a setting and certifications alone do not make you a fit
            fit = "possible"
        jobs.append(
            (
                -score,
                index,
                {
                    "code": job.code,
                    "name": job.name,
                    "fit": fit,
                    "score": score,
                    "why": why,
                    "soc_codes": list(job.soc_codes),
                    "helpful_certifications": list(job.helpful_certifications),
                    "helpful_names": list(words.helpful_names),
                    "pay": [dict(figures) for figures in words.pay],
                },
            )
        )
    jobs.sort(key=lambda j: (j[0], j[1]))
    return [job for *_, job in jobs]
