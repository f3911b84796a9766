"""The dates of a plan as a calendar file (iCalendar, RFC 5545) any calendar app imports.

Each dated step from the assessment's day on becomes an all-day event: applying for a
certification (today, or the day it can be applied for), the next exam window and the day
applications for it close, the day the work hours are reached, a licence to renew, a
certification to earn on the way (steps dated today other than applying are what the results
page already says). A step that several certifications share (one licence
renewal) is one event. UIDs depend on the date and the step, so importing an updated plan
again updates these events instead of doubling them. No Django import.
"""

import datetime as dt
import hashlib

from icalendar import Calendar, Event

PRODID = "-//careerpath//certification plan//EN"


def plan_events(document: dict) -> list[dict]:
    """{"date", "summary", "description"} for each dated step from `as_of` on (applying,
    exam windows and their closing days included), in date order."""
    as_of = document["as_of"]
    found: dict[tuple[str, str], dict] = {}

    def add(key, day, summary, description, name):
        event = found.setdefault(
            key, {"date": day, "summary": summary, "description": description, "for": []}
        )
        event["for"].append(name)

    for cert in document["results"]:
        label = cert["certification"].upper()
        name = cert["name"]
        # A certification shut to the person (it needs a licence or degree they lack) has no
        # dates of theirs: its hours reached in 2028 lead nowhere. Their licence's renewal is
        # still theirs.
        shut = cert["reach"]["kind"] == "background"
        for step in cert["next_steps"]:
            day = step["date"]
            if day is None or day < as_of or (day == as_of and step["kind"] != "apply"):
                continue
            if shut and not step.get("renewal"):
                continue
            if step["kind"] == "apply":
                summary = f"Apply for {name}" if day == as_of else f"You can apply for {name}"
                add((day, f"apply {label}"), day, summary, step["text"], name)
            elif step["kind"] == "exam":
                window = step["window"]
                add((day, f"exam {label}"), day, f"{label}: exam window, {window}",
                    step["text"], name)  # fmt: skip
                if step["closes"] and step["closes"] >= as_of:
                    add((step["closes"], f"closes {label}"), step["closes"],
                        f"{label}: applications for the {window} exam window close",
                        step["text"], name)  # fmt: skip
            else:
                add((day, step["text"]), day, f"{label}: {step['text']}", step["text"], name)
    events = []
    for event in found.values():
        names = event.pop("for")
        if len(names) > 1:  # one licence renewal for several certifications
            event["summary"] = event["description"]
            event["description"] += " Needed for " + ", ".join(names) + "."
        events.append(event)
    return sorted(events, key=lambda e: e["date"])


def plan_calendar(document: dict, *, link: str | None = None) -> bytes:
    """The events of `plan_events` as an .ics file; `link` (a saved plan) goes in each."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "My certification plan")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in plan_events(document):
        day = dt.date.fromisoformat(item["date"])
        event = Event()
        digest = hashlib.sha256(f"{item['date']} {item['summary']}".encode()).hexdigest()[:20]
        event.add("uid", f"{digest}@careerpath")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", item["summary"])
        event.add("description", item["description"] + (f"\n\nYour plan: {link}" if link else ""))
        if link:
            event.add("url", link)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
        calendar.add_component(event)
    return calendar.to_ical()
