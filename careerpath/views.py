"""Site-wide views: robots.txt and the rate-limit refusal."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

ROBOTS = "User-agent: *\nDisallow: /plan/\nDisallow: /admin/\nDisallow: /api/\n"


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keeps crawlers out of private plans, the admin and the API."""
    return HttpResponse(ROBOTS, content_type="text/plain")


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """429 for anyone over a rate limit: JSON for the API, a page for people."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"errors": {"request": "too many requests; wait a minute and try again"}}, status=429
        )
    return render(request, "429.html", status=429)
