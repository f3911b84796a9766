"""Public pages: home, the results of a self-assessment, and saved plans."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from .answers import answer_summary
from .catalog import get_snapshot
from .document import nearest_first
from .forms import STEPS
from .ics import plan_calendar, plan_events
from .plans import PROFILE_SESSION_KEY, delete_plan, find_plan, save_plan
from .profile import ProfileError
from .services import assess_profile


def home(request: HttpRequest) -> HttpResponse:
    snapshot = get_snapshot()
    return render(
        request,
        "eligibility/home.html",
        {"certifications": snapshot.certifications, "job_count": len(snapshot.job_roles)},
    )


def _results_page(request: HttpRequest, profile: dict, **context) -> HttpResponse:
    snapshot = get_snapshot()
    try:
        results = assess_profile(profile, snapshot=snapshot)
    except ProfileError as refused:
        # The catalog changed under a saved profile (a code was retired): ask to review.
        return render(
            request,
            "eligibility/results_invalid.html",
            {"errors": refused.errors, "nav": "assess", **context},
            status=200,
        )
    steps = [
        {"name": name, "title": step.title, "url": _assess_step_url(name)} for name, step in STEPS
    ]
    presented = nearest_first(results, snapshot)
    return render(
        request,
        "eligibility/results.html",
        {
            "results": presented,
            "has_dates": bool(plan_events(presented)),
            "steps": steps,
            # A saved plan changes its answers through plan_edit (a form), not by a link.
            "answers": answer_summary(
                profile, snapshot, None if "plan_token" in context else _assess_step_url
            ),
            "nav": "assess",
            **context,
        },
    )


def _assess_step_url(step: str) -> str:
    return reverse("assess_step", args=[step])


@never_cache
def results(request: HttpRequest) -> HttpResponse:
    profile = request.session.get(PROFILE_SESSION_KEY)
    if profile is None:
        messages.info(request, "Answer a few questions first; your results appear at the end.")
        return redirect("assess")
    return _results_page(request, profile, editable=True)


@never_cache
def results_calendar(request: HttpRequest) -> HttpResponse:
    profile = request.session.get(PROFILE_SESSION_KEY)
    if profile is None:
        return redirect("assess")
    return _calendar(profile, redirect_to=reverse("assess_results"))


@never_cache
def plan_calendar_file(request: HttpRequest, token: str) -> HttpResponse:
    saved = find_plan(token)
    if saved is None:
        raise Http404("No saved plan at this address; it may have been deleted.")
    page = reverse("plan", kwargs={"token": token})
    return _calendar(saved.profile, link=request.build_absolute_uri(page), redirect_to=page)


def _calendar(profile: dict, *, redirect_to: str, link: str | None = None) -> HttpResponse:
    """The plan's dates as an .ics download (eligibility/ics.py)."""
    try:
        results = assess_profile(profile)
    except ProfileError:
        return redirect(redirect_to)  # that page explains what to review
    response = HttpResponse(
        plan_calendar(results, link=link), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="certification-plan.ics"'
    return response


@require_POST
@ratelimit(key="ip", rate="20/m", method="POST", block=True)
def save(request: HttpRequest) -> HttpResponse:
    profile = request.session.get(PROFILE_SESSION_KEY)
    if profile is None:
        return redirect("assess")
    token = save_plan(profile=profile)
    messages.success(
        request,
        "Your plan is saved. Bookmark this page or copy its address: anyone with the link can "
        "open it, so share it only with people you trust.",
    )
    return redirect("plan", token=token)


@never_cache
def plan(request: HttpRequest, token: str) -> HttpResponse:
    saved = find_plan(token)
    if saved is None:
        raise Http404("No saved plan at this address; it may have been deleted.")
    link = request.build_absolute_uri(reverse("plan", kwargs={"token": token}))
    return _results_page(request, saved.profile, plan_token=token, plan_link=link)


@require_POST
def plan_edit(request: HttpRequest, token: str) -> HttpResponse:
    saved = find_plan(token)
    if saved is None:
        raise Http404("No saved plan at this address.")
    request.session[PROFILE_SESSION_KEY] = saved.profile
    _reset_wizard(request)
    # The summary's "Change work history" posts step=work; the plan's own button, nothing.
    step = request.POST.get("step")
    return redirect("assess_step", step=step if step in dict(STEPS) else STEPS[0][0])


@never_cache
def plan_delete(request: HttpRequest, token: str) -> HttpResponse:
    if find_plan(token) is None:
        raise Http404("No saved plan at this address.")
    if request.method == "POST":
        delete_plan(token)
        return render(request, "eligibility/plan_deleted.html", {"nav": "assess"})
    return render(request, "eligibility/plan_delete.html", {"token": token, "nav": "assess"})


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    request.session.pop(PROFILE_SESSION_KEY, None)
    _reset_wizard(request)
    return redirect("assess")


def _reset_wizard(request: HttpRequest) -> None:
    # keys(), whatever SIM118 says: a session is no dict, iterating it asks for session[0]
    # (a KeyError: "Start again" and "Edit this plan" answered 500).
    for key in [k for k in request.session.keys() if k.startswith("wizard_")]:  # noqa: SIM118
        del request.session[key]
