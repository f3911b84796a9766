"""The Jinja2 environment for the few templates rendered on hot paths (the results)."""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import Environment

from eligibility.templatetags.careerpath import longdate


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def environment(**options) -> Environment:
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    env.globals.update(url=url, static=static)
    env.filters["longdate"] = longdate
    return env
