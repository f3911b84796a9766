"""Site-wide views: the rate-limit refusal."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """429 for anyone over a rate limit: JSON for the API, a page for people."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"errors": {"request": "too many requests; wait a minute and try again"}}, status=429
        )
    return render(request, "429.html", status=429)
