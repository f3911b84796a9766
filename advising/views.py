"""Advisor pages: dashboard, client list and export, a client's page, details and invitations.

Each view reads through `access` (the organisation's clients, 404 outside them) and
`selectors`; the numbers on these pages come from stored summaries, never from running the
engine per client.
"""

import csv
import textwrap
from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from eligibility.answers import answer_summary
from eligibility.catalog import get_snapshot
from eligibility.document import nearest_first
from eligibility.profile import ProfileError
from eligibility.services import assess_profile

from .access import advisor_required, advisors_of, client_for
from .forms import ClientFilterForm, ClientForm
from .history import compare
from .invitations import find_invitation, invite, revoke
from .numbers import numbers_changed
from .selectors import BUCKETS, bucket_of, dashboard, filtered_clients
from .wizard import INVITATION_DONE_KEY

PAGE_SIZE = 50
# Characters a line of a chart label holds left of its bar (14px text in 280px).
LABEL_CHARACTERS = 34
BUCKET_LABELS = dict(BUCKETS)


@advisor_required
def advisor_dashboard(request: HttpRequest) -> HttpResponse:
    snapshot = get_snapshot()
    today = timezone.localdate()

    data = dashboard(request.membership, snapshot, today)
    return render(
        request,
        "advising/dashboard.html",
        {**data, "today": today, "catalog_version": snapshot.version,
         "chart": _chart(data["certifications"]), "nav": "advisor"},
    )  # fmt: skip


def _chart(certifications: list[dict]) -> dict:
    """Geometry of the stacked bar chart (one bar per certification, a segment per bucket).

    Each certification's whole name labels its bar, wrapped onto as many lines as it needs
    left of the bar (SVG text does not wrap by itself, and a cut name is no label)."""
    width, label_width, bar, gap, line = 660, 290, 28, 14, 17
    bars, y = [], 0
    for cert in certifications:
        lines = textwrap.wrap(cert["name"], LABEL_CHARACTERS) or [""]
        height = max(bar, len(lines) * line)
        total = sum(b["count"] for b in cert["buckets"]) or 1
        x, segments = label_width, []
        for bucket in cert["buckets"]:
            w = (width - label_width - 10) * bucket["count"] / total
            segments.append({**bucket, "x": round(x, 1), "w": round(w, 1)})
            x += w
        bars.append({
            "name": cert["name"], "y": y, "segments": segments,
            "bar_y": (height - bar) // 2,
            # the first line's baseline: the lines centred on the bar (14px text, 17px lines)
            "text_y": (height - len(lines) * line) // 2 + 13,
            "lines": [{"text": text, "dy": 0 if i == 0 else line} for i, text in enumerate(lines)],
        })  # fmt: skip
        y += height + gap
    return {
        "width": width, "height": max(y - gap, 0), "bar": bar,
        "label_width": label_width, "bars": bars,
    }  # fmt: skip


def _filter_form(request: HttpRequest, snapshot) -> ClientFilterForm:
    membership = request.membership
    return ClientFilterForm(
        request.GET or None,
        snapshot=snapshot,
        advisors=advisors_of(membership),
        show_advisor=membership.is_admin,
    )


@advisor_required
def client_list(request: HttpRequest) -> HttpResponse:
    snapshot = get_snapshot()
    today = timezone.localdate()
    form = _filter_form(request, snapshot)
    filters = form.filters()
    clients = filtered_clients(request.membership, filters, today).prefetch_related("readiness")
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("page"))
    cert = filters.get("certification")
    rows = []
    for client in page:
        readiness = {r.certification: r for r in client.readiness.all()}
        chips = [
            {"code": c.code, "name": c.name, "row": readiness.get(c.code),
             "bucket": bucket_of(readiness[c.code], today) if c.code in readiness else "unassessed"}
            for c in snapshot.certifications
        ]  # fmt: skip
        # The soonest day on or before today (the assessment's own day for a certification
        # reachable then) means the client can sit for one already: said "Eligible now".
        eligible_now = client.soonest_on is not None and client.soonest_on <= today
        rows.append({"client": client, "chips": chips, "focus": readiness.get(cert),
                     "eligible_now": eligible_now})  # fmt: skip
    # The pages' links carry the filters only: anything else in the address is dropped.
    query = QueryDict(mutable=True)
    for name in form.fields:
        query.setlist(name, request.GET.getlist(name))
    errors = form.error_summary() if form.is_bound else []
    return render(
        request,
        "advising/client_list.html",
        {
            "form": form,
            "errors": errors,
            "page": page,
            "rows": rows,
            "certification": next((c for c in snapshot.certifications if c.code == cert), None),
            "query": query.urlencode(),
            "bucket_labels": BUCKET_LABELS,
            "nav": "advisor",
        },
    )


class _Echo:
    def write(self, value):
        return value


# What makes a spreadsheet read a cell as a formula when it starts with it (after any leading
# spaces): = + - @, a tab or carriage return, ";" (a separator some locales use, then "=1+1"),
# and the full-width forms of = + - @ that some spreadsheets fold into the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", ";", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    risky = text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)
    return "'" + text if risky else text


@advisor_required
def client_export(request: HttpRequest) -> HttpResponse:
    """Exactly the clients of the filtered list (every page), as CSV."""
    snapshot = get_snapshot()
    today = timezone.localdate()
    form = _filter_form(request, snapshot)
    clients = filtered_clients(request.membership, form.filters(), today).prefetch_related(
        "readiness"
    )
    certs = snapshot.certifications
    header = ["name", "email", "external_id", "advisor", "last_updated", "soonest_eligible"]
    for cert in certs:
        header += [f"{cert.code}_status", f"{cert.code}_eligible_on", f"{cert.code}_missing"]

    def lines():
        writer = csv.writer(_Echo())
        yield writer.writerow(header)
        for client in clients.iterator(chunk_size=1000):
            readiness = {r.certification: r for r in client.readiness.all()}
            row = [client.name, client.email, client.external_id,
                   client.advisor.display_name if client.advisor else "",
                   timezone.localtime(client.updated).date().isoformat(),
                   client.soonest_on.isoformat() if client.soonest_on else ""]  # fmt: skip
            for cert in certs:
                r = readiness.get(cert.code)
                if r is None:
                    row += ["not assessed", "", ""]
                else:
                    row += [BUCKET_LABELS[bucket_of(r, today)].lower(),
                            r.eligible_on.isoformat() if r.eligible_on else "",
                            r.blocker if r.status != "eligible" else ""]  # fmt: skip
            yield writer.writerow([_cell(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    stamp = today.isoformat()
    response["Content-Disposition"] = f'attachment; filename="careerpath-clients-{stamp}.csv"'
    return response


@advisor_required
def client_new(request: HttpRequest) -> HttpResponse:
    return _client_form(request, None)


@advisor_required
def client_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _client_form(request, client_for(request.membership, pk))


def _client_form(request: HttpRequest, client) -> HttpResponse:
    membership = request.membership
    form = ClientForm(
        request.POST or None,
        instance=client,
        membership=membership,
        # A deactivated member takes no new clients, but keeps the ones not yet reassigned.
        advisors=advisors_of(membership).filter(
            Q(user__is_active=True) | Q(pk=getattr(client, "advisor_id", None))
        ),
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        numbers_changed([saved.organisation_id])  # a client added or given to another advisor
        messages.success(request, f"{saved.name} is saved.")
        return redirect("advisor_client", pk=saved.pk)
    return render(
        request,
        "advising/client_form.html",
        {"form": form, "client": client, "errors": form.error_summary() if form.is_bound else [],
         "nav": "advisor"},
    )  # fmt: skip


@advisor_required
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_for(request.membership, pk)
    snapshot = get_snapshot()
    results, review = None, None
    if client.assessment:
        try:
            profile = client.assessment.profile
            results = nearest_first(assess_profile(profile, snapshot=snapshot), snapshot)
        except ProfileError as refused:
            review = refused.errors  # the catalog retired a code this profile uses
    history = list(client.assessments.select_related("entered_by")[:20])
    for newer, older in zip(history, history[1:], strict=False):
        newer.changes = compare(
            {"profile": older.profile, "summary": older.summary},
            {"profile": newer.profile, "summary": newer.summary},
            snapshot,
        )
    return render(
        request,
        "advising/client_detail.html",
        {
            "client": client,
            "results": results,
            "review": review,
            "answers": answer_summary(client.assessment.profile, snapshot, _step_url(client))
            if client.assessment
            else None,
            "history": history,
            "invitations": client.invitations.all()[:5],
            "flips": client.status_changes.select_related("recomputation")[:10],
            "now": timezone.now(),
            "nav": "advisor",
        },
    )


def _step_url(client):
    """The address of one step of the advisor's update of `client`'s assessment."""
    return lambda step: reverse("advisor_assessment_step", kwargs={"pk": client.pk, "step": step})


def button_only(*, back: str, message: str):
    """For an address only a button reaches (a POST). Opened another way (a bookmark, a link
    pasted into a new tab, a reload after the browser dropped the form) it goes back to the
    page `back` with the button and says what to do (`message`), instead of a bare "405
    Method Not Allowed"; nothing is done."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                return view(request, *args, **kwargs)
            if request.user.is_authenticated:
                messages.info(request, message)
            return redirect(back)

        return wrapped

    return decorator


@advisor_required
def client_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """A new invitation link for the client, shown once. Reached by a GET (the page reloaded
    later, or opened from the history), it goes back to the client: the link itself is never
    stored, so it cannot be shown again, and a reload must not make another one."""
    client = client_for(request.membership, pk)
    if request.method != "POST":
        messages.info(
            request,
            "An invitation link is shown only once, when it is made. For a new link, press "
            f"“Invite {client.name} to fill it in”.",
        )
        return redirect("advisor_client", pk=client.pk)
    invitation, token = invite(client, user=request.user)
    link = request.build_absolute_uri(reverse("invitation", kwargs={"token": token}))
    return render(
        request,
        "advising/invitation_created.html",
        {"client": client, "invitation": invitation, "link": link, "nav": "advisor"},
    )


@advisor_required
def client_revoke_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    """End one of the client's open invitation links (the button beside it on the client's
    page). Opened by address, it revokes nothing and goes back to the client's page."""
    client = client_for(request.membership, pk)
    if request.method != "POST":
        messages.info(request, "To revoke a link, press “Revoke this link” beside it.")
        return redirect("advisor_client", pk=client.pk)
    value = request.POST.get("invitation", "")
    # A garbled id is no link of this client's: the same answer as a link already closed.
    invitation_id = int(value) if value.isdigit() and len(value) < 10 else None
    if invitation_id is not None and revoke(client, invitation_id):
        messages.success(request, f"The invitation link no longer works. For a new one, "
                                  f"press “Invite {client.name} to fill it in”.")  # fmt: skip
    else:
        messages.info(request, "That invitation link is no longer open: it was completed, "
                               "closed or has expired. Nothing was changed.")  # fmt: skip
    return redirect("advisor_client", pk=client.pk)


@advisor_required
def client_delete(request: HttpRequest, pk: int) -> HttpResponse:
    client = client_for(request.membership, pk)
    if request.method == "POST":
        name = client.name
        client.delete()
        numbers_changed([client.organisation_id])
        messages.success(request, f"{name} and all their assessments are deleted.")
        return redirect("advisor_clients")
    return render(request, "advising/client_delete.html", {"client": client, "nav": "advisor"})


def invitation_done(request: HttpRequest, token: str) -> HttpResponse:
    """The invited client's results, once they have finished (in the same browser session)."""
    invitation = find_invitation(token, allow_used=True)
    if invitation is None or request.session.get(INVITATION_DONE_KEY) != invitation.pk:
        return render(request, "advising/invitation_invalid.html", status=404)
    client = invitation.client
    snapshot = get_snapshot()
    results = nearest_first(assess_profile(client.assessment.profile, snapshot=snapshot), snapshot)
    return render(
        request,
        "advising/invitation_done.html",
        {"client": client, "organisation": client.organisation,
         "results": results},
    )  # fmt: skip
