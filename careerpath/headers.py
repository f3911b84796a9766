"""Pages and answers about a person are never kept by a cache, shared or the browser's.

Django's `never_cache` sends the same headers but formats a date and parses the header on
every response (11 µs, a fiftieth of an assessment's whole API request); these are constants.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

NEVER_CACHE = {
    "Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private",
    "Expires": "Thu, 01 Jan 1970 00:00:00 GMT",
}


def never_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark the view's responses (a person's answers, results, plan or clients) uncacheable."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        for header, value in NEVER_CACHE.items():
            response.headers.setdefault(header, value)
        return response

    return wrapper
