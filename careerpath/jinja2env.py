"""The Jinja2 environment for the few templates rendered on hot paths (results, client lists)."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import localtime
from jinja2 import Environment

from eligibility.templatetags.careerpath import longdate


def shortdate(value) -> str:
    """25 Nov 2026 (a date, or a datetime in the site's time zone)."""
    if hasattr(value, "hour"):
        value = localtime(value)
    return f"{value.day} {value:%b %Y}"


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def environment(**options) -> Environment:
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.globals.update(url=url, static=static)
    env.filters["longdate"] = longdate
    env.filters["shortdate"] = shortdate
    return env
