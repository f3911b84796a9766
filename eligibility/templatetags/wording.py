"""Template filters for the words around names the catalog gives (the words themselves live
in eligibility/kinds/words.py, where the engine's sentences use them too)."""

from django import template

from ..kinds.words import possessive, the

register = template.Library()
register.filter("possessive", possessive)
register.filter("the", the)
