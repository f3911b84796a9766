"""Job options: which case-manager job types fit a person, how well, and why. No Django
import."""

from .engine import CertificationResult
from .explain import a_or_an, either, lower_first, names_in, when_you_can_sit
from .profile import Profile
from .snapshot import Snapshot

# A helpful certification within a year adds to a job's fit (once, however many there are);
# one years away is still named among the reasons.
SOON_DAYS = 365


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
    jobs = []
    for index, job in enumerate(snap.job_roles):
        if job.shown_when_reaching and not any(
            c in held_codes or c in reachable for c in job.shown_when_reaching
        ):
            continue
        background = []
        if job.background_licences & licences:
            background += [
                f"your {lower_first(n)} licence"
                for n in names_in(job.background_licences & licences, snap.licence_types)
            ]
        if job.background_fields & fields:
            background += [
                f"a degree in {n.lower()}"
                for n in names_in(job.background_fields & fields, snap.degree_fields)
            ]
        if job.background_roles & roles:
            background += [
                f"your work as {a_or_an(lower_first(n))}"
                for n in names_in(job.background_roles & roles, snap.roles)
            ]
        if not background and job.background_any_bachelor and has_bachelor:
            background = ["a bachelor's degree"]
        overlap = job.settings & settings
        if not background and not overlap:
            continue
        why, score = [], 0
        if background:
            score += 3
            why.append("Fits your background: " + either(background, "and") + ".")
        if overlap:
            score += 1
            places = either([n.lower() for n in names_in(overlap, snap.settings)], "and")
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
                    "helpful_names": [snap.credential_names[c] for c in job.helpful_certifications],
                },
            )
        )
    jobs.sort(key=lambda j: (j[0], j[1]))
    return [job for *_, job in jobs]
