"""Who may see what: advisors reach their organisation's clients, nothing else.

A plain advisor sees the clients assigned to them; an organisation admin sees every client of
the organisation. Anything outside that answers 404, so ids of other organisations' clients
cannot even be confirmed.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from .models import Client, Membership


def advisor_required(view):
    """Logged in and a member of an organisation; puts the membership on `request`. Pages
    about clients are never cached."""

    @wraps(view)
    @never_cache
    def wrapped(request, *args, **kwargs):
        membership = (
            Membership.objects.select_related("organisation").filter(user=request.user).first()
        )
        if membership is None:
            raise PermissionDenied("This account does not belong to an organisation.")
        request.membership = membership
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def visible_clients(membership: Membership) -> QuerySet[Client]:
    clients = Client.objects.filter(organisation_id=membership.organisation_id)
    if not membership.is_admin:
        clients = clients.filter(advisor=membership)
    return clients


def client_for(membership: Membership, pk: int) -> Client:
    """The client `pk` if this advisor may see it; 404 otherwise."""
    return get_object_or_404(
        visible_clients(membership).select_related("assessment", "advisor__user"), pk=pk
    )


def advisors_of(membership: Membership) -> QuerySet[Membership]:
    """The advisors a client can be assigned to by this member."""
    members = Membership.objects.filter(organisation_id=membership.organisation_id)
    if not membership.is_admin:
        members = members.filter(pk=membership.pk)
    return members.select_related("user")
