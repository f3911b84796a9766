"""503 with Retry-After, not a 500 crash page, while the database cannot be reached.

A database restart or failover drops every connection for a few seconds; requests in that
window fail with OperationalError or InterfaceError. They answer 503 Service Unavailable with
`Retry-After` (a short page for people, JSON for the API) so that clients, load balancers and
people know to try again. The connection recovers by itself: CONN_HEALTH_CHECKS (settings)
makes the next request check its persistent connection and open a new one.

A database error can come from two places:
- the view (and template rendering): `process_exception` answers 503 directly;
- another middleware, e.g. the session saved after the view: Django has already turned the
  exception into a 500 inside that middleware's layer, so the exception is noted on the
  request from the `got_request_exception` signal and that 500 is answered as a 503 here.
Place this middleware outside the session, CSRF and authentication middleware.
bench/soak.py checks it against a real PostgreSQL restart under load.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5
_NOTED = "_careerpath_database_unavailable"

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Back in a moment · careerpath</title></head>
<body>
<h1>careerpath is back in a moment</h1>
<p>We cannot reach our database just now. Nothing you saved is lost: wait a few seconds and
try again (reload the page, or go back and send the form again).</p>
</body>
</html>
"""


def unavailable(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"errors": {"request": "temporarily unavailable; try again in a few seconds"}},
            status=503,
        )
    else:
        response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _NOTED, False):
            replacement = unavailable(request)
            for name, value in response.items():  # keep the CSP and other headers of the 500
                if name.lower() not in ("content-type", "content-length"):
                    replacement.setdefault(name, value)
            return replacement
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, UNAVAILABLE):
            logger.warning("Database unavailable (%s): answered 503", type(exception).__name__)
            return unavailable(request)
        return None


def _note_database_error(sender, request=None, **kwargs) -> None:
    """Sent while Django handles an uncaught exception (sys.exc_info() is that exception)."""
    if request is not None and isinstance(sys.exc_info()[1], UNAVAILABLE):
        setattr(request, _NOTED, True)


got_request_exception.connect(_note_database_error, dispatch_uid="careerpath_database_unavailable")
