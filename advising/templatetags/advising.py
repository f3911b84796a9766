"""Template tags of the advisor pages."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from advising.summaries import standing as words

register = template.Library()


@register.simple_tag
def standing(status: str | None, on) -> str:
    """A certification's standing in a few words (advising.summaries.standing)."""
    return words(status, on)


@register.simple_tag
def chips(row_chips: list[dict]) -> SafeString:
    """A client's row of chips, one a certification: its code, its name for screen readers
    and its standing. One tag rather than a loop in the template: the client list shows fifty
    rows of eleven, and the loop's tags were most of the page's time."""
    return format_html(
        '<ul class="chips">{}</ul>',
        format_html_join(
            "",
            '<li class="chip chip-small chip-{}" title="{}"><span aria-hidden="true">{}</span>'
            '<span class="visually-hidden">{}</span>: {}</li>',
            (
                (
                    chip["bucket"],
                    chip["name"],
                    chip["code"].upper(),
                    chip["name"],
                    words(chip["row"].status, chip["row"].eligible_on)
                    if chip["row"]
                    else words(None, None),
                )
                for chip in row_chips
            ),
        ),
    )
