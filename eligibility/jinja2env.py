"""The Jinja2 environment for the few templates rendered on hot paths (results, client lists)."""

from functools import lru_cache

from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.timezone import localtime
from jinja2 import Environment
from markupsafe import Markup, escape

from advising.summaries import standing
from eligibility.explain import short_date
from eligibility.templatetags.careerpath import longdate


def shortdate(value) -> str:
    """25 Nov 2026 (a date, or a datetime in the site's time zone)."""
    if hasattr(value, "hour"):
        value = localtime(value)
    return short_date(value)


def url(name: str, *args) -> str:
    return _reverse(get_script_prefix(), name, args)


@lru_cache(maxsize=4096)
def _reverse(prefix: str, name: str, args: tuple) -> str:
    # The results component links every certification and job: resolving each name again on
    # every page cost more than the rest of the component's markup.
    return reverse(name, args=args)


def html_attrs(attrs: dict) -> Markup:
    """A widget's attributes as Django's attrs.html writes them: ` name="value"`, a bare
    ` name` for True, nothing for False. A function: the template cost a render per option."""
    # Every name and value goes through escape() here, as in the template it replaces.
    return Markup(  # noqa: S704  # nosec B704
        "".join(
            f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


def environment(**options) -> Environment:
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on  # nosec B701
    env.globals.update(url=url, static=static, standing=standing, html_attrs=html_attrs)
    env.filters["longdate"] = longdate
    env.filters["shortdate"] = shortdate
    return env
