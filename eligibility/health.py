"""The health check: the database answers and a valid catalog is published."""

import logging

from django.db import Error as DatabaseError
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .catalog import get_snapshot
from .catalog_format import CatalogError

logger = logging.getLogger(__name__)


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
