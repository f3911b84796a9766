"""A work-experience condition: hours in some roles, maybe only some settings, paid,
supervised (by a holder of some credentials), within the last N years."""

from dataclasses import dataclass
from typing import ClassVar

from .base import Param, Quantity, hours_param, within_years_param
from .intervals import (
    EPSILON,
    Intervals,
    holds_from_start,
    intersect,
    leap_edges,
    shift_years,
    threshold_days,
    unite,
    window_start,
)
from .words import (
    FULL_TIME_YEAR,
    a_or_an,
    capital,
    duration,
    either,
    long_date,
    lower_first,
    names_in,
    number,
)


def scope(cond, snap) -> str:
    """What work counts toward an experience condition: "paid, supervised work as a case
    manager in a health care delivery setting, within the last 3 years"."""
    p = cond.params
    qualities = [w for w, on in (("paid", p["paid"]), ("supervised", cond.supervised)) if on]
    text = (
        (", ".join(qualities) + " " if qualities else "")
        + "work as "
        + either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.roles)])
    )
    if cond.settings is not None:
        if p["health_care_delivery"] and not p["settings"]:
            text += " in a health care delivery setting"
        else:
            text += " in " + either([n.lower() for n in names_in(cond.settings, snap.settings)])
    if cond.supervisor_credentials:
        text += ", under a supervisor who holds " + either(
            names_in(cond.supervisor_credentials, snap.credential_names)
        )
    if cond.within_years:
        text += f", within the last {cond.within_years} years"
    if cond.after_rank is not None:
        text += ", " + after_degree_words(cond, snap)
    if cond.current:
        text += ", in a job you still hold"
    return text


def after_degree_words(cond, snap) -> str:
    """ "after your bachelor's degree (or a higher one) in social work"."""
    rule = cond.params["after_degree"]
    term = snap.degree_levels.get(rule["level"])
    text = "after your " + lower_first(term.name if term else rule["level"])
    if any(t.rank > cond.after_rank for t in snap.degree_levels.values()):
        text += " (or a higher one)"
    if rule["fields"]:
        text += " in " + either(
            [lower_first(n) for n in names_in(rule["fields"], snap.degree_fields)]
        )
    return text


def degree_start(cond, profile) -> tuple[bool, int | None]:
    """For a condition counting only work after a degree: (a qualifying degree is held, the
    first day that counts or None for every day). A qualifying degree without a completion
    date is taken as finished before any work (SPEC §3b), so every day counts."""
    if cond.after_rank is None:
        return True, None
    found = [
        d
        for d in profile.degrees
        if d.rank >= cond.after_rank and (cond.after_fields is None or d.field in cond.after_fields)
    ]
    if not found:
        return False, None
    if any(d.completed is None for d in found):
        return True, None
    return True, min(d.completed for d in found)


def ongoing_days(cond, profile, lo: int, hi: int) -> Intervals:
    """Days in [lo, hi] on which one of the jobs that count is still going on."""
    spans = []
    for e in entries(cond, profile):
        first, last = max(e.start, lo), hi if e.end is None else min(e.end, hi)
        if first <= last:
            spans.append((first, last))
    return unite([spans])


def entries(cond, profile) -> list:
    """The person's jobs that count toward the condition, whenever they were: the one filter
    the engine, the explanations and the path share."""
    return [
        e
        for e in profile.experience
        if e.role in cond.codes
        and (cond.settings is None or e.setting in cond.settings)
        and (e.paid or not cond.paid)
        and (e.supervised or not cond.supervised)
        and (
            not cond.supervisor_credentials
            or e.supervisor_credentials & cond.supervisor_credentials
        )
    ]


def job(entry, snap, day: int) -> str:
    """ "your work as a case manager (community or social services agency, since 1 January
    2024)": one of the person's jobs, as they entered it."""
    role = snap.roles[entry.role].name if entry.role in snap.roles else entry.role
    setting = snap.settings[entry.setting].name if entry.setting in snap.settings else ""
    if role.lower().endswith("work"):  # "Other work"
        text = f"your {lower_first(role)}"
    else:
        text = f"your work as {a_or_an(lower_first(role))}"
    if entry.end is not None:
        period = f"{long_date(entry.start)} to {long_date(entry.end)}"
    else:
        period = f"{'since' if entry.start <= day else 'from'} {long_date(entry.start)}"
    return f"{text} ({lower_first(setting)}, {period})" if setting else f"{text} ({period})"


def _settings_that_count(cond, snap) -> str:
    """ "a health care delivery setting (hospital; home health; …)" or "a school or a …"."""
    allowed = cond.settings or frozenset()
    delivery = [t.name for c, t in snap.settings.items() if c in allowed and t.health_care_delivery]
    others = [
        t.name for c, t in snap.settings.items() if c in allowed and not t.health_care_delivery
    ]
    if cond.params.get("health_care_delivery"):
        text = (
            "a health care delivery setting ("
            + either([lower_first(n) for n in delivery], "or", "; ")
            + ")"
        )
        return text + (" or " + either([lower_first(n) for n in others]) if others else "")
    return either([lower_first(n) for n in delivery + others], "or", "; ")


def _roles_kept(cond, profile, snap) -> str:
    """ "as a case manager": the roles of the person's own current or future work that counts
    toward `cond` (not every role the rule accepts: a social worker is no nurse case manager),
    or "as you do now" when that cannot be told."""
    if profile is not None:
        held = {e.role for e in entries(cond, profile) if e.end is None or e.end >= profile.as_of}
        if held:
            return "as " + either([a_or_an(lower_first(n)) for n in names_in(held, snap.roles)])
    return "as you do now"


def _roles(cond, snap) -> str:
    """ "a case manager or a nurse case manager": the roles the rule accepts."""
    return either([a_or_an(lower_first(n)) for n in names_in(cond.codes, snap.roles)])


@dataclass(frozen=True)
class Experience(Quantity):
    assumes: ClassVar[bool] = True  # a degree without its date

    def build(self, params: dict, namer) -> dict:
        p = params
        values: dict = {
            "hours": p["hours"],
            "codes": frozenset(p["roles"]),
            "paid": p["paid"],
            # A supervisor's credential is asked for only of supervised work.
            "supervised": p["supervised"] or bool(p["supervisor_credentials"]),
            "supervisor_credentials": frozenset(p["supervisor_credentials"]),
            "within_years": p["within_years"],
            "current": p["current"],
        }
        rule = p["after_degree"]
        if rule is not None:
            values["after_rank"] = namer.degree_levels[rule["level"]].rank
            values["after_fields"] = frozenset(rule["fields"]) if rule["fields"] else None
        if p["settings"] or p["health_care_delivery"]:
            settings = set(p["settings"])
            if p["health_care_delivery"]:
                settings |= {code for code, t in namer.settings.items() if t.health_care_delivery}
            values["settings"] = frozenset(settings)
        return values

    def describe(self, cond, snap):
        return (
            f"At least {number(cond.hours)} hours ({duration(cond.hours)}) of {scope(cond, snap)}"
        )

    def phrases(self, cond, snap):
        words = {"scope": scope(cond, snap), "roles": _roles(cond, snap)}
        if cond.settings is not None:
            words["settings"] = _settings_that_count(cond, snap)
        if cond.supervisor_credentials:
            holders = names_in(cond.supervisor_credentials, snap.credential_names)
            words["supervisor"] = either(holders)
        if cond.after_rank is not None:
            words["after_degree"] = after_degree_words(cond, snap)
        return words

    def amounts(self, params):
        hours = params.get("hours")
        found = []
        if isinstance(hours, int):
            found += [
                ("hours", hours, hours),
                ("months", hours * 12 / FULL_TIME_YEAR, hours),
                ("years", hours / FULL_TIME_YEAR, hours),
            ]
        return found + super().amounts(params)

    def evaluate_over(self, cond, profile, lo, hi):
        if not profile.experience:  # the commonest answer of all, before any set-up
            return False, 0, cond.hours, "hours", []
        # Most rules count work whenever it was: degree_start only for those that do not.
        held, since = (True, None) if cond.after_rank is None else degree_start(cond, profile)
        jobs = [(e.start, e.end, e.hours_per_week) for e in entries(cond, profile)] if held else []
        if not jobs:  # the common answer, without the projection's set-up
            return False, 0, cond.hours, "hours", []
        if since is not None:  # only days on or after the degree's completion count
            jobs = [(max(s, since), e, w) for s, e, w in jobs if e is None or e >= since]
        years = cond.within_years

        def weighted(day: int) -> float:  # hours × 7 worked by `day` (inside the window)
            first = shift_years(day, -years) + 1 if years else None  # window_start, inlined
            total = 0.0
            for start, end, per_week in jobs:
                last = day if end is None or end > day else end
                if first is not None and first > start:
                    start = first
                if last >= start:
                    total += per_week * (last - start + 1)
            return total

        need = cond.hours * 7 - EPSILON
        if not jobs:  # every job began before the degree's completion and ended before it
            days: Intervals = []
        elif years is None:  # hours only accumulate: one rising segment
            days = threshold_days(weighted, need, lo, hi, ())
        else:
            starts = []
            # Around the end of February the window's start moves by 0 or 2 days in a day,
            # which bends the hours only of a job the window's start is inside then (before
            # it the job counts whole, after it not at all): a year's leap edges are segment
            # boundaries only when some job holds the window's start in the days around them.
            edges = leap_edges(lo, hi)
            for i in range(0, len(edges), 4):
                first = shift_years(edges[i] - 3, -years) + 1  # a few days' margin each side
                last = shift_years(edges[i + 3] + 3, -years) + 1
                if any(s < last and (e is None or e >= first) for s, e, _ in jobs):
                    starts.extend(edges[i : i + 4])
            for start, end, _ in jobs:
                starts.append(start)
                edges = [shift_years(start, years)]
                if end is not None:
                    starts.append(end + 1)
                    edges.append(shift_years(end, years))
                for edge in edges:
                    starts.extend(range(edge - 2, edge + 3))
            days = threshold_days(weighted, need, lo, hi, starts)
        if cond.current and days:
            days = intersect(days, ongoing_days(cond, profile, lo, hi))
        have = round(weighted(lo) / 7, 1) if jobs else 0
        return holds_from_start(days, lo), have, cond.hours, "hours", days

    def assumption(self, cond, profile) -> str | None:
        if cond.after_rank is None or profile is None:
            return None
        held, since = degree_start(cond, profile)
        if held and since is None:
            return (
                "Your degree has no completion date, so it was taken as finished before all "
                "your work and every hour counts; add the date to be sure."
            )
        return None

    def missing_words(self, missing):
        return f" ({duration(missing)})"

    def why_not(self, cond, profile, snap):
        day = profile.as_of
        first = window_start(day, cond.within_years) if cond.within_years else None
        roles = cond.phrases["roles"]
        held, since = (True, None) if cond.after_rank is None else degree_start(cond, profile)
        degree_lines = []
        if not held:
            return [
                "None of your jobs counts yet: only work "
                + cond.phrases["after_degree"]
                + " counts, and you have no such degree."
            ]
        if since is not None and any(e.start < since for e in entries(cond, profile)):
            degree_lines.append(
                f"Hours before your degree do not count: only work since {long_date(since)} "
                "(when you completed it) counts."
            )
        if cond.current and entries(cond, profile) and not ongoing_days(cond, profile, day, day):
            degree_lines.append(
                "None of the jobs that count is one you still hold: the rule needs a current job."
            )
        in_role = [e for e in profile.experience if e.role in cond.codes]
        if not in_role:  # the condition's text names the roles; say it of the person's own jobs
            if len(profile.experience) == 1:
                return degree_lines + [
                    f"{capital(job(profile.experience[0], snap, day))} does not count: "
                    f"only work as {roles} counts."
                ]
            return degree_lines + (
                [f"None of your jobs was as {roles}."] if profile.experience else []
            )
        lines = degree_lines
        for entry in in_role:  # other jobs are plainly other work: not listed
            named = job(entry, snap, day)
            reasons = []
            if cond.settings is not None and entry.setting not in cond.settings:
                reasons.append(f"it was not in {cond.phrases['settings']}")
            if cond.paid and not entry.paid:
                reasons.append("it was unpaid")
            if cond.supervised and not entry.supervised:
                reasons.append(
                    "it was self-employed, without a supervisor"
                    if entry.self_employed
                    else "it was not supervised"
                )
            elif cond.supervisor_credentials and not (
                entry.supervisor_credentials & cond.supervisor_credentials
            ):
                held = cond.phrases["supervisor"]
                reasons.append(f"it was not under a supervisor who holds {held}")
            if since is not None and entry.end is not None and entry.end < since:
                # The first line already says hours before the degree do not count.
                reasons.append(f"it ended before you completed your degree on {long_date(since)}")
            if first is not None and entry.end is not None and entry.end < first:
                reasons.append(
                    f"it ended on {long_date(entry.end)}, and only work since {long_date(first)} "
                    f"counts (the last {cond.within_years} years)"
                )
            if reasons:
                lines.append(f"{capital(named)} does not count: {either(reasons, 'and')}.")
            elif first is not None and entry.start < first:
                lines.append(
                    f"Only work since {long_date(first)} counts (the last {cond.within_years} "
                    f"years), so {named} counts from that day."
                )
            elif entry.start > day:
                lines.append(f"{capital(named)} has not started yet; it counts from then.")
        return lines

    def next_step(self, result, snap, profile):
        cond, when = result.condition, result.met_on
        if when is not None:
            window = f" in the last {cond.within_years} years" if cond.within_years else ""
            return (
                f"Keep working {_roles_kept(cond, profile, snap)} — you reach "
                f"{number(cond.hours)} hours{window} on {long_date(when)}.",
                when,
            )
        missing = cond.hours - (result.have or 0)
        work = cond.phrases["scope"]
        text = f"Gain {number(missing)} more hours ({duration(missing)}) of {work}."
        if cond.after_rank is not None and profile is not None:
            held, since = degree_start(cond, profile)
            if not held:
                text = f"Earn the degree first: only work {cond.phrases['after_degree']} counts."
            elif since is not None:
                text += " Hours before your degree do not count."
        if cond.current and (result.have or 0) >= cond.hours:
            roles = cond.phrases["roles"]
            text = f"Take up work again as {roles}: the rule needs a job you still hold."
        return text, when

    def roles_counted(self, cond):
        return frozenset(cond.codes)

    def narrows(self, cond, distinctive_roles):
        return bool(cond.codes) and cond.codes <= distinctive_roles

    def touches(self, cond, answers):
        return any(
            job.get("role") in cond.codes
            and (cond.settings is None or job.get("setting") in cond.settings)
            for job in answers.get("experience") or []
        )


KIND = Experience(
    "experience",
    "Work experience",
    (
        hours_param(),
        Param("roles", "codes", "In one of these roles", "roles", required=True, default=()),
        Param("settings", "codes", "Only in these settings", "settings", default=()),
        Param(
            "health_care_delivery",
            "bool",
            "Only in health care delivery settings",
            default=False,
        ),
        Param("paid", "bool", "Only paid work", default=False),
        Param("supervised", "bool", "Only supervised work", default=False),
        Param(
            "supervisor_credentials",
            "codes",
            "Supervisor holds one of these credentials",
            "credentials",
            default=(),
        ),
        within_years_param("hours"),
        Param(
            "after_degree",
            "degree",
            "Only work after a degree (level, and fields or null for any)",
            default=None,
        ),
        Param("current", "bool", "Needs a job still held on the day", default=False),
    ),
)
