"""Display filters for the results templates."""

import datetime as dt

from django import template

from eligibility.explain import applies_when as _applies_when
from eligibility.explain import long_date

register = template.Library()


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
