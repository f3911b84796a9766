"""A person's answers in plain words, grouped by the wizard's five steps, for the summary on
the results page, a saved plan and an advisor's client page.

Every word comes from the catalog's vocabularies and the form's own labels, so an editor's
rename shows here too. No database and no request: a profile and a snapshot in, lines out.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .audiences import attestations_asked
from .explain import either, long_date, lower_first
from .forms import STEPS
from .profile import ProfileError, parse_profile
from .snapshot import Snapshot


@dataclass(frozen=True, slots=True)
class AnswerGroup:
    """The answers of one wizard step: its name in the URL, its title, one line per answer."""

    step: str
    title: str
    lines: tuple[str, ...]

    @property
    def change_label(self) -> str:
        """What its change link changes ("licences"), said after "Change"."""
        return lower_first(self.title)


def answer_groups(profile: dict, snapshot: Snapshot) -> list[AnswerGroup]:
    """The answers of `profile`, one group per wizard step, in the wizard's order."""
    data = _normalised(profile, snapshot)
    as_of = _date(data.get("as_of")) or dt.date.today()
    words = _Words(snapshot, as_of)
    lines = {
        "licenses": [words.licence(e) for e in data.get("licenses", [])] or ["No licence added."],
        "degrees": [words.degree(e) for e in data.get("degrees", [])] or ["No degree added."],
        "experience": [words.job(e) for e in data.get("experience", [])] or ["No job added."],
        "education": [words.course(e) for e in data.get("education", [])] or ["No course added."],
    }
    groups = []
    for name, step in STEPS:
        said = list(lines.get(step.profile_key, []))
        if name == "education":
            said.append(words.credentials(data.get("credentials", [])))
        if name == "about":
            said += words.about(data)
        groups.append(AnswerGroup(step=name, title=step.title, lines=tuple(said)))
    return groups


def answer_summary(
    profile: dict, snapshot: Snapshot, step_url: Callable[[str], str] | None = None
) -> list[dict]:
    """The groups as templates/eligibility/_answers_summary.html reads them, each with the
    address of the step that changes it (none when the page changes answers by a form)."""
    return [
        {
            "step": group.step,
            "title": group.title,
            "lines": group.lines,
            "change_label": group.change_label,
            "url": step_url(group.step) if step_url else "",
        }
        for group in answer_groups(profile, snapshot)
    ]


def _normalised(profile: dict, snapshot: Snapshot) -> dict:
    """The profile with every default filled in (profile.py's, so "active" means the same
    here as in the engine). A profile the catalog has moved away from (a retired code) is
    read entry by entry: what still parses gets its defaults, the rest is shown as saved."""
    try:
        return parse_profile(profile, snapshot).data
    except ProfileError:
        pass
    data = dict(profile)
    for key in ("licenses", "degrees", "experience", "education"):
        entries = profile.get(key, [])
        data[key] = [_entry(key, entry, snapshot) for entry in entries if isinstance(entry, dict)]
    return data


def _entry(key: str, entry: dict, snapshot: Snapshot) -> dict:
    try:
        return parse_profile({key: [entry]}, snapshot).data[key][0]
    except ProfileError:
        return entry


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _long(day: dt.date) -> str:
    return long_date(day.toordinal())  # the results' format: "31 March 2028"


def _hours(value, unit: str = "hour") -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return f"{value} {unit}s"
    # The person's own figure, as typed: 37.5 stays 37.5 (the results count whole hours).
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text} {unit}{'' if value == 1 else 's'}"


class _Words:
    """The sentences of one profile's answers, dated against its as-of day."""

    def __init__(self, snapshot: Snapshot, as_of: dt.date):
        self.snapshot, self.as_of = snapshot, as_of

    def name(self, vocabulary: str, code) -> str:
        term = self.snapshot.vocabulary(vocabulary).get(code)
        if term is None:
            return str(code)  # a code the catalog no longer has: shown as it was saved
        return term if isinstance(term, str) else term.name

    def licence(self, entry: dict) -> str:
        parts = [
            self.name("licence_types", entry.get("type")),
            "active" if entry.get("active", True) else "not active",
            "in good standing" if entry.get("good_standing", True) else "not in good standing",
        ]
        expires = _date(entry.get("expires"))
        if expires is None:
            parts.append("no expiry date given")
        elif expires < self.as_of:
            parts.append(f"expired {_long(expires)}")
        else:
            parts.append(f"expires {_long(expires)}")
        return ", ".join(parts)

    def degree(self, entry: dict) -> str:
        level = self.name("degree_levels", entry.get("level"))
        field = lower_first(self.name("degree_fields", entry.get("field")))
        accredited = "" if entry.get("accredited", True) else "not "
        line = f"{level} in {field}, {accredited}from an accredited school or programme"
        # No date given says nothing: most saved degrees have none, and most rules need none.
        finished = entry.get("completed")
        if finished:
            day = _date(finished)
            line += f", finished {_long(day) if day else finished}"
        return line

    def credentials(self, codes) -> str:
        names = [self.name("credentials", code) for code in codes]
        return f"Certifications, exams and courses: {', '.join(names) if names else 'none'}"

    def job(self, entry: dict) -> str:
        # The setting in brackets: its names hold commas ("Insurer, managed care, …").
        role = self.name("roles", entry.get("role"))
        setting = lower_first(self.name("settings", entry.get("setting")))
        start, end = _date(entry.get("start")), _date(entry.get("end"))
        if end is not None:
            when = f"{_long(start) if start else entry.get('start')} to {_long(end)}"
        elif start is not None and start > self.as_of:
            when = f"from {_long(start)}"
        else:
            when = f"since {_long(start) if start else entry.get('start')}"
        parts = [
            f"{role} ({setting})",
            f"{_hours(entry.get('hours_per_week'))} a week",
            when,
            "paid" if entry.get("paid", True) else "unpaid",
            "supervised" if entry.get("supervised", True) else "not supervised",
        ]
        held = [self.name("credentials", c) for c in entry.get("supervisor_credentials") or []]
        if held:
            parts.append(f"supervisor holds {either(held, 'and')}")
        if entry.get("self_employed"):
            parts.append("self-employed")
        return ", ".join(parts)

    def course(self, entry: dict) -> str:
        topic = lower_first(self.name("ce_topics", entry.get("topic")))
        done = _date(entry.get("completed"))
        if done is None:
            when = f"completed {entry.get('completed')}"
        elif done > self.as_of:
            when = f"booked for {_long(done)}"
        else:
            when = f"completed {_long(done)}"
        return f"{_hours(entry.get('hours'))} of {topic}, {when}"

    def about(self, data: dict) -> list[str]:
        # The questions the About step asked this person (forms.attestations_asked): a nurse
        # is not told she did not sign the social workers' code.
        held = set(data.get("attestations", []))
        lines = [f"Professional references: {data.get('references', 0)}"]
        for code in attestations_asked(data, self.snapshot):
            term = self.snapshot.attestations[code]
            lines.append(f"{asked(term)} {'Yes' if code in held else 'No'}")
        return lines


def asked(term) -> str:
    """The question an attestation put, as the About step showed it, without the sentences
    after it that say why it is asked ("NASW asks this of everyone who applies …"): the
    answer then reads against the question's own words, not against the attestation's
    name ("Good moral character: yes" did not say what was answered)."""
    question = term.question or term.name
    head, mark, _ = question.partition("?")
    return f"{head}{mark}" if mark else f"{question.rstrip('.:')}:"
