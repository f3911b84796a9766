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


@register.filter
def the(name) -> str:
    """A certifying body's name as said inside a sentence: "ask the National Association of
    Social Workers", "awarded by the American Nurses Credentialing Center"; a name that has
    its article already ("The Commission (formerly CCMC)") keeps it. The bodies are
    associations, boards, commissions and centres, whose names take the article ("ask
    National Association of Social Workers" read as a missing word)."""
    text = str(name).strip()
    if not text or text.lower().startswith("the "):
        return text
    return f"the {text}"
