"""Site-wide views: robots.txt, the health check and the rate-limit refusal."""

import logging

from django.db import Error as DatabaseError
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from eligibility.catalog import get_snapshot
from eligibility.catalog_format import CatalogError

logger = logging.getLogger(__name__)

ROBOTS = "User-agent: *\nDisallow: /plan/\nDisallow: /admin/\nDisallow: /api/\n"


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keeps crawlers out of private plans, the admin and the API."""
    return HttpResponse(ROBOTS, content_type="text/plain")


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers and a catalog is published, 503 naming what failed.

    For container healthchecks and load balancers: exempt from the HTTPS redirect, never
    cached, and it says nothing about why the database failed (that goes to the log).
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return _health(503, database="unreachable", catalog="unknown")
    try:
        snapshot = get_snapshot()
    except DatabaseError:
        logger.exception("Health check: the catalog could not be read")
        return _health(503, database="ok", catalog="unreadable")
    except CatalogError:
        logger.exception("Health check: the catalog is invalid")
        return _health(503, database="ok", catalog="invalid")
    if not snapshot.certifications:
        return _health(503, database="ok", catalog="empty")
    return _health(
        200, database="ok", catalog=snapshot.version, certifications=len(snapshot.certifications)
    )


def _health(status: int, **checks: str | int) -> JsonResponse:
    return JsonResponse(
        {"status": "ok" if status == 200 else "unavailable", **checks}, status=status
    )


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """429 for anyone over a rate limit: JSON for the API, a page for people."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"errors": {"request": "too many requests; wait a minute and try again"}}, status=429
        )
    return render(request, "429.html", status=429)
