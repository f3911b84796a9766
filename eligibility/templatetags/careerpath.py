"""Display filters for the results templates."""

import datetime as dt

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from eligibility.document import at_a_glance, rules_checked_on
from eligibility.explain import applies_when as _applies_when
from eligibility.explain import long_date

register = template.Library()


@register.filter
def dollars(value: int | None) -> str:
    """81220 → "$81,220"."""
    return "" if value is None else f"${value:,}"


@register.filter
def longdate(value: str | None) -> str:
    """ "2027-04-24" → "24 April 2027"; anything else unchanged."""
    if not value:
        return ""
    try:
        return long_date(dt.date.fromisoformat(value).toordinal())
    except (TypeError, ValueError):
        return value


@register.filter
def applies_when(condition) -> str:
    """When an application note shown unless `condition` holds applies, in plain words."""
    return _applies_when(condition)


@register.simple_tag
def gap(condition: dict, met_on: str | None = None) -> SafeString:
    """What is missing, after a condition's text: its first line (the numbers, or the one
    reason), "; you meet it from …" when `met_on` dates an unmet condition, then a paragraph
    for each further reason (explain.gap writes one line each). The date follows after a
    semicolon: the numbers end in "(about 4 months full time)", and a second bracket
    "(from …)" read as a stutter. One tag rather than an included template: a card asks it
    of every unmet condition, and an include with its own context cost a tenth of the page."""
    found = condition["gap"].split("\n") if condition["gap"] else []
    return format_html(
        "{}{}{}",
        format_html(' — <span class="gap">{}</span>', found[0]) if found else "",
        format_html("; you meet it from {}", longdate(met_on))
        if met_on and not condition["met"]
        else "",
        format_html_join("", '<p class="why-not">{}</p>', ((line,) for line in found[1:])),
    )


@register.filter
def verified_sources(sources: list[dict]) -> list[dict]:
    """The sources checked on the certifying body's own pages."""
    return [s for s in sources if s["confidence"] == "verified"]


@register.inclusion_tag("eligibility/_results_block.html")
def results_block(results: dict) -> dict:
    """The results component (at a glance, certification cards, jobs) of one assessment, as
    `document.nearest_first` orders it: the results page, saved plans and advisors' pages."""
    certs = results["results"]
    glance = at_a_glance(results)
    # A certification for people of another background gets a short card saying whom it is
    # for; one whose audience the person belongs to (an LPN's CMCN, short of AAMCN's course;
    # CMAC's track 2 for someone who should earn ACM first) gets its whole card and path.
    elsewhere = {line["code"] for line in glance if line["for_others"]}
    others = [c for c in certs if c["certification"] in elsewhere]
    within_reach = any(c["reach"]["kind"] in ("now", "action", "wait") for c in certs)
    return {
        "results": results,
        "glance": glance,
        "checked_on": rules_checked_on(results),
        "within": [c for c in certs if c["certification"] not in elsewhere],
        "others": others,
        # Nothing within reach: first, which licences and degrees open which certifications.
        "show_openings": bool(results.get("openings")) and bool(others) and not within_reach,
    }
