"""The dates of a plan as a calendar file (iCalendar, RFC 5545) any calendar app imports.

Each dated step still ahead of the assessment's day becomes an all-day event: the day a
certification can be applied for, the day the work hours are reached, a licence to renew, a
certification to earn on the way. A step that several certifications share (one licence
renewal) is one event. UIDs depend on the date and the step, so importing an updated plan
again updates these events instead of doubling them. No Django import.
"""

import datetime as dt
import hashlib

from icalendar import Calendar, Event

PRODID = "-//careerpath//certification plan//EN"


def plan_events(document: dict) -> list[dict]:
    """{"date", "summary", "description"} for each dated step after `as_of`, in date order."""
    as_of = document["as_of"]
    found: dict[tuple[str, str], dict] = {}
    for cert in document["results"]:
        label = cert["certification"].upper()
        for step in cert["next_steps"]:
            day = step["date"]
            if day is None or day <= as_of:
                continue
            if step["kind"] == "apply":
                key, summary = (day, f"apply {label}"), f"You can apply for {cert['name']}"
            else:
                key, summary = (day, step["text"]), f"{label}: {step['text']}"
            event = found.setdefault(
                key, {"date": day, "summary": summary, "description": step["text"], "for": []}
            )
            event["for"].append(cert["name"])
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
