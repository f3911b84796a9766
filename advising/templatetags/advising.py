"""Template tags of the advisor pages."""

from django import template

from advising.summaries import standing as words

register = template.Library()


@register.simple_tag
def standing(status: str | None, on) -> str:
    """A certification's standing in a few words (advising.summaries.standing)."""
    return words(status, on)
