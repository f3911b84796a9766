from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .catalog import get_snapshot


def home(request: HttpRequest) -> HttpResponse:
    snapshot = get_snapshot()
    return render(
        request,
        "eligibility/home.html",
        {"certifications": snapshot.certifications, "job_count": len(snapshot.job_roles)},
    )
