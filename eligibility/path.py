"""The path: ordered, dated next steps for one certification, from the engine's results.

What is missing on the soonest route of each requirement (each condition's kind words its
step), a certification needed on the way (dated by when the person can sit for it), a sooner
route through such a certification, a licence to renew, then applying, the next exam window
and renewing. Dated steps come in date order, undated ones after. No Django import.
"""

import calendar
import datetime as dt
import re
from functools import lru_cache

from .engine import HORIZON_DAYS, CertificationResult, ConditionResult, intersect
from .explain import iso, long_date, lower_first, when_you_can_sit
from .kinds import KINDS
from .kinds.words import the
from .profile import Profile
from .snapshot import Snapshot


def condition_step(
    result: ConditionResult,
    snap: Snapshot,
    others: dict[str, CertificationResult] | None = None,
    profile: Profile | None = None,
) -> dict:
    """One next step that would make an unmet condition hold, worded by its kind; a missing
    certification this person can sit for (one of `others`) is dated by when they can. With
    `profile`, work to keep doing is named by the person's own role."""
    cond = result.condition
    kind = KINDS[cond.kind]
    stone = kind.earned_through(cond, others) if others else None
    if stone is not None:
        name = snap.credential_names[stone.certification.code]
        return {
            "kind": cond.kind,
            "text": f"Earn {name}, which you can sit for {when_you_can_sit(stone)}.",
            "date": iso(stone.eligible_on),
        }
    text, when = kind.next_step(result, snap, profile)
    step = {"kind": cond.kind, "text": text, "date": iso(when)}
    asked = kind.attestation_asked(cond)
    if asked and profile is not None and not snap.asked(asked, profile):
        # A question the form puts only to people whose answers touch what it concerns: not
        # something this person can do today, so not first on their path.
        step["later"] = True
    return step


def _renewal(result: CertificationResult, horizon_end: int) -> dict | None:
    """The step keeping a condition that holds today (a licence) from lapsing within the
    horizon: the first one found."""
    # Only the conditions of kinds that can lapse, which the snapshot found (most cannot).
    for g, o, k in result.certification.lapsing:
        cond = result.groups[g].options[o].conditions[k]
        renew = KINDS[cond.condition.kind].renewal(cond, horizon_end)
        if renew is not None:
            text, day = renew
            # "renewal": it keeps what the person holds, not a step toward what is missing.
            return {"kind": cond.condition.kind, "text": text, "date": iso(day), "renewal": True}
    return None


def _closed_routes(group, snap, profile: Profile, steps: list[dict]) -> list[dict]:
    """The step of a route closed by what the person already meets (CMAC's track 2 to whoever
    meets ACM's rules: "earn ACM first"), once, when the group's shown route is not it."""
    found = []
    for option in group.options:
        if option is group.best:
            continue
        for cond in option.conditions:
            kind = KINDS[cond.condition.kind]
            if kind.needs_others and not cond.met:
                step = condition_step(cond, snap, None, profile)
                # Once, and not when the path already says to earn that certification (the
                # route for its holders is the one shown): "Earn ACM" came twice.
                name = snap.credential_names.get(cond.condition.params.get("certification"))
                earn = f"Earn {name}," if name else None
                if all(
                    s["text"] != step["text"] and not (earn and s["text"].startswith(earn))
                    for s in steps + found
                ):
                    found.append(step)
    return found


def _alternatives(group, snap, others, profile: Profile) -> str:
    """The missing backgrounds of the routes as near as the group's best one, each its only
    missing piece, as words to add to the best route's step ("pass the ASWB Bachelors exam"),
    or "": where no route is faster, the path offers them all. A certification to earn first
    is the stepping stone's to name, not this."""
    best = [c for c in group.best.conditions if not c.met]
    # Backgrounds only (a licence, an exam passed, a degree): routes short of the same hours
    # tie by having none of them yet, and are told apart on the card, not in one long step.
    if len(best) != 1 or not KINDS[best[0].condition.kind].door:
        return ""
    words = []
    for option in group.tied:
        (cond,) = [c for c in option.conditions if not c.met]
        kind = KINDS[cond.condition.kind]
        if not kind.door or (others and kind.earned_through(cond.condition, others)):
            continue
        words.append(lower_first(condition_step(cond, snap, None, profile)["text"].rstrip(".")))
    return "; or ".join(words)


def _stepping_stone(group, others: dict[str, CertificationResult], profile: Profile, snap):
    """A sooner route through another certification this person can sit for: a route whose
    one missing piece is holding that certification (CMAC's "ACM plus 2 years" for a nurse
    who can sit for ACM now). Eligibility itself assumes nothing changes (docs/engine-rules.md);
    this is advice on the path. The step, or None when no such route beats the group's own date."""
    soonest = None
    for option in group.options:
        if option is group.best:  # its missing certification is already the group's step
            continue
        wanted = [c for c in option.conditions if not c.met]
        if len(wanted) != 1:
            continue
        stone = KINDS[wanted[0].condition.kind].earned_through(wanted[0].condition, others)
        if stone is None:
            continue
        rest = [(profile.as_of, profile.as_of + HORIZON_DAYS)]
        for cond in option.conditions:
            if cond is not wanted[0]:
                rest = intersect(rest, cond.days)
        # The first day both the certification can be had and the rest of the route holds.
        opens = next((max(lo, stone.eligible_on) for lo, hi in rest if hi >= stone.eligible_on),
                     None)  # fmt: skip
        if opens is None or (group.met_on is not None and opens >= group.met_on):
            continue
        if soonest is None or opens < soonest[0]:
            soonest = (opens, stone, option, wanted[0].condition.kind)
    if soonest is None:
        return None
    opens, stone, option, kind = soonest
    if opens == stone.eligible_on:
        tail = ": you meet the rest of that route."
    else:
        tail = f" from {long_date(opens)}, when you meet the rest of that route too."
    name = snap.credential_names[stone.certification.code]
    text = (
        f"A sooner route: earn {name}, which you can sit for {when_you_can_sit(stone)}. "
        f"Once you hold it, \u201c{option.name}\u201d is met{tail}"
    )
    return {"kind": kind, "text": text, "date": iso(opens)}


# --- exam windows ---------------------------------------------------------------------------

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "(" + "|".join(_MONTHS) + ")"
# One window: "April", optionally "(applications close 15 February)" or "(apply by 15 February)".
_WINDOW = re.compile(
    rf"\s*{_MONTH}\s*(?:\(\s*(?:applications close|apply by)\s+(\d{{1,2}})\s+{_MONTH}\s*\))?\s*",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)  # a pure function of a catalog text: parsed once, not per profile
def _windows(text: str) -> tuple[tuple[int, tuple[int, int] | None], ...] | None:
    windows = exam_windows(text)
    return None if windows is None else tuple(windows)


def exam_windows(text: str) -> list[tuple[int, tuple[int, int] | None]] | None:
    """The windows of a certification's "exam windows" text as (month, (close month, close
    day) or None), when the text is only a list of months, each optionally with the day
    applications for it close: "April (applications close 15 February), August and December".
    None for anything else ("several times a year"): that text is quoted, never guessed at."""
    parts = [p for p in re.split(r",|;|\band\b", text or "") if p.strip()]
    windows = []
    for part in parts:
        match = _WINDOW.fullmatch(part)
        if match is None:
            return None
        month, day, close_month = match.groups()
        close = None
        if day:
            close = (_MONTHS[close_month.lower()], int(day))
            if close[1] > calendar.monthrange(2001, close[0])[1]:
                return None  # "31 February": not a day; quote the text instead
        windows.append((_MONTHS[month.lower()], close))
    return sorted(windows) or None


def next_window(text: str, day: int) -> tuple[int, int | None] | None:
    """The first exam window a person who can apply on `day` can still take: (the window's
    first day, the day applications for it close or None when the catalog does not say).
    A window with a known closing day is open until that day; without one, a window that has
    not begun yet is taken as open."""
    windows = _windows(text)
    if windows is None:
        return None
    start_year = dt.date.fromordinal(day).year
    for year in range(start_year, start_year + 3):
        for month, close in windows:
            opens = dt.date(year, month, 1).toordinal()
            if close is None:
                if opens > day:
                    return opens, None
                continue
            # Applications close before the window: the same year, or the year before
            # (a January window that closes in November).
            closes_year = year if close[0] <= month else year - 1
            closes = dt.date(closes_year, *close).toordinal()
            if closes >= day:
                return opens, closes
    return None


def month_year(ordinal: int) -> str:
    """April 2027."""
    return f"{dt.date.fromordinal(ordinal):%B %Y}"


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else "the " + name


def exam_step(result: CertificationResult) -> dict | None:
    """The next exam window after the day the person can apply, as a dated step with the day
    applications for it close ("closes"), when the catalog lists windows by month."""
    cert = result.certification
    window = next_window(cert.exam_windows, result.eligible_on)
    if window is None:
        return None
    opens, closes = window
    label = month_year(opens)
    if closes is not None:
        tail = f"applications for it close on {long_date(closes)}"
    else:
        tail = f"ask {_the(cert.body.name)} when applications for it close"
    return {
        "kind": "exam",
        "text": f"Sit the exam in the {label} window; {tail}.",
        "date": iso(opens),
        "window": label,
        "closes": iso(closes),
    }


def done_now(step: dict) -> bool:
    """Whether a step is one anyone can do today (CE hours, references, an answer): its kind
    is a `do_now` one; `apply`, `exam` and `renew` are no condition kind."""
    kind = KINDS.get(step["kind"])
    return kind is not None and kind.do_now and not step.get("later")


NO_FEES = "fees: not confirmed here; check their website"


def _gained(step: dict) -> bool:
    """Whether an undated step is a licence, degree or credential to gain (AAMCN's course):
    something to start now, however long it takes, so before a licence renewal in 2028."""
    kind = KINDS.get(step["kind"])
    return kind is not None and kind.door and not step.get("renewal")


def in_date_order(steps: list[dict], today: str | None = None) -> list[dict]:
    """Dated steps in date order, then the undated ones, each kept in the order given. A step
    of what anyone can do now (CE hours, references, an answer: a `do_now` kind) is undated,
    and counts as dated `today`: it comes before a licence to renew next year, not after."""

    def when(step: dict) -> tuple[bool, str]:
        date = step["date"]
        if date is None and today is not None and (done_now(step) or _gained(step)):
            date = today
        return date is None, date or ""

    return sorted(steps, key=when)


@lru_cache(maxsize=256)  # two numbers of the catalog, worded for every certification assessed
def renewal_text(years: int, ce_hours: int | None) -> str:
    """ "Once certified, renew every 5 years with 80 hours of continuing education." """
    text = f"Once certified, renew every {years} years"
    if ce_hours:
        text += f" with {ce_hours} hours of continuing education"
    return text + "."


def next_steps(
    result: CertificationResult,
    profile: Profile,
    snap: Snapshot,
    others: dict[str, CertificationResult] | None = None,
) -> list[dict]:
    """Steps in date order (what can be done now counting as today), undated ones after: what
    is missing (soonest route per group, and a sooner route through another certification in
    `others` where there is one), a licence to renew, applying and the next exam window;
    renewing the certification last."""
    cert = result.certification
    steps: list[dict] = []
    for group in result.groups:
        if group.met:
            continue
        option = group.best
        for cond in option.conditions:
            if not cond.met:
                steps.append(condition_step(cond, snap, others, profile))
        if len(group.options) == 1:  # no other route to be sooner or closed
            continue
        either_way = _alternatives(group, snap, others, profile)
        if either_way:
            last = steps[-1]
            steps[-1] = {**last, "text": last["text"].rstrip(".") + "; or " + either_way + "."}
        if others:
            stone = _stepping_stone(group, others, profile, snap)
            if stone is not None:
                steps.append(stone)
        steps.extend(_closed_routes(group, snap, profile, steps))
    renew = _renewal(result, profile.as_of + HORIZON_DAYS)
    if renew is not None:
        steps.append(renew)
    if result.status != "not_eligible":
        when = when_you_can_sit(result)
        facts = "; ".join(
            # Each fact without its own full stop: "…were not found.; computer-based" read
            # as a typo.
            part.rstrip(".")
            for part in (
                f"fees: {cert.fees}" if cert.fees else NO_FEES,
                f"exam windows: {cert.exam_windows}" if cert.exam_windows else "",
                lower_first(cert.exam),
            )
            if part
        )
        steps.append(
            {
                "kind": "apply",
                # A fact may end its own sentence ("… by PSI remote proctoring.").
                "text": f"Apply to {the(cert.body.name)} {when}"
                + (f" — {facts.rstrip('.')}." if facts else "."),
                "date": iso(result.eligible_on),
            }
        )
        exam = exam_step(result)
        if exam is not None:
            steps.append(exam)
    if len(steps) > 1:
        steps = in_date_order(steps, iso(profile.as_of))
    if cert.renewal_years:
        text = renewal_text(cert.renewal_years, cert.renewal_ce_hours)
        steps.append({"kind": "renew", "text": text, "date": None})
    return steps
