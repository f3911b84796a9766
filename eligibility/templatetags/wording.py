"""Template filters for the words around names the catalog gives."""

from django import template

register = template.Library()


@register.filter
def possessive(name) -> str:
    """A name with its possessive: "ANCC's", but "National Association of Social Workers'"
    (a name ending in a plural s takes the apostrophe alone; "Workers's" read wrong)."""
    text = str(name).rstrip()
    if not text:
        return text
    return f"{text}'" if text[-1] in "sS" else f"{text}'s"
