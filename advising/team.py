"""An organisation admin's team: list the members, add an advisor, change a role, deactivate.

Until now only a superuser could add advisors (in /admin/). Here an organisation admin does it
for their own organisation and nothing else: every member is reached through `member_for`
(404 outside the organisation), and every page through `team_admin_required` (403 for a plain
advisor). A new advisor gets an account without a password and Django's password-reset mail,
worded as an invitation, so they choose their own password on the existing /accounts/reset/
pages.

The rule that holds the team together: an organisation always keeps at least one active
admin. Role and activity changes lock the organisation's row, so two admins demoting each
other at the same moment cannot both succeed.
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.utils import timezone

from eligibility.forms import style_widgets

from .access import advisor_required
from .forms import AdvisorForm
from .models import Membership, Organisation
from .views import button_only

User = get_user_model()
NAME_LENGTH = 150  # User.first_name / last_name
EMAIL_LENGTH = 150  # the e-mail becomes the username, which holds 150 characters
MESSAGES = {
    "required": "is required",
    "invalid": "is not an e-mail address",
    "invalid_choice": "is not one of the roles",
}
# "Send the invitation again" sends at most one mail per member in this many minutes.
RESEND_MINUTES = 10
ROLE_NAMES = {Membership.ADVISOR: "an advisor", Membership.ADMIN: "an organisation admin"}
# Said on the team page when a button's address is opened without its button (a GET).
BUTTONS = (
    "Use the buttons on this page to change a member's role, to deactivate or reactivate "
    "them, or to send their invitation again."
)


class TeamError(Exception):
    """A change the team's rules refuse; the message is written for the admin."""


# --- access ---------------------------------------------------------------------------------


def team_admin_required(view):
    """An organisation admin of `request.membership`'s organisation; a plain advisor gets a
    403 page that says who can do it. Checked before the method, so every team URL answers a
    plain advisor the same way."""

    @advisor_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.membership.is_admin:
            admins = team_of(request.membership.organisation).filter(
                role=Membership.ADMIN, user__is_active=True
            )
            return render(
                request,
                "advising/team_forbidden.html",
                {"admins": admins, "nav": "advisor"},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapped


def member_for(request: HttpRequest, pk: int) -> Membership:
    """Member `pk` of the admin's organisation; 404 for anyone else's."""
    members = Membership.objects.filter(organisation_id=request.membership.organisation_id)
    return get_object_or_404(members.select_related("user", "organisation"), pk=pk)


# --- selectors and services -----------------------------------------------------------------


def team_of(organisation: Organisation) -> QuerySet[Membership]:
    """The organisation's members with their user and the number of clients assigned to
    them: one query, whatever the size of the team."""
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .annotate(client_count=Count("clients"))
        # Meta.ordering is ignored by an aggregating query: say it again.
        .order_by("user__first_name", "user__last_name", "user__username")
    )


def _same_address(email: str) -> Q:
    return Q(email__iexact=email) | Q(username__iexact=email)


def in_team(organisation: Organisation, email: str) -> bool:
    """A member of `organisation` already uses `email`, as their e-mail or username."""
    return User.objects.filter(_same_address(email), membership__organisation=organisation).exists()


def free_username(email: str, organisation: Organisation) -> str:
    """The new account's username: the e-mail lower-cased, or, when an account elsewhere
    (another organisation's member, a site editor) holds it already, the e-mail followed by
    the organisation's slug. The invitation mail names it; the admin never learns which."""
    base = email.lower()
    tails = ["", f"-{organisation.slug}"] + [f"-{organisation.slug}-{n}" for n in range(2, 20)]
    for tail in tails:
        candidate = f"{base[: EMAIL_LENGTH - len(tail)]}{tail}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise IntegrityError("no free username")  # the form asks to try again


def add_member(
    *, organisation: Organisation, first_name: str, last_name: str, email: str, role: str
) -> Membership:
    """A new account (no usable password yet) and its membership, both or neither.

    Its username is the e-mail lower-cased, unless an account outside the organisation holds
    that address: then the new account is a separate one (see `free_username`). The other
    account is never linked, and the admin's page answers exactly as for a new address, so
    adding an advisor does not tell whether an address is used by another organisation's
    member or by the site's team.
    """
    with transaction.atomic():
        user = User.objects.create_user(
            username=free_username(email, organisation),
            email=email,
            password=None,  # unusable until they follow the invitation
            first_name=first_name,
            last_name=last_name,
        )
        return Membership.objects.create(user=user, organisation=organisation, role=role)


def change_role(*, member: Membership, role: str) -> Membership:
    with transaction.atomic():
        member = _locked(member)
        if member.role != role:
            if role != Membership.ADMIN:
                _keep_an_admin(member, "stop being an organisation admin")
            member.role = role
            member.save(update_fields=["role"])
    return member


def set_active(*, member: Membership, active: bool) -> Membership:
    """Deactivate (cannot log in; their clients stay assigned) or reactivate an account."""
    with transaction.atomic():
        member = _locked(member)
        user = member.user
        if user.is_staff or user.is_superuser:
            raise TeamError(
                f"{member.display_name} also runs the site; only a superuser can deactivate "
                "or reactivate this account, in the site admin."
            )
        if user.is_active != active:
            if not active:
                _keep_an_admin(member, "be deactivated")
            user.is_active = active
            user.save(update_fields=["is_active"])
            if not active:
                end_sessions(user)
    return member


def end_sessions(user) -> int:
    """Delete every session `user` is logged in with, so that reactivating them later does
    not revive a browser left logged in (Django only refuses an inactive user's session; it
    keeps it). Sessions are signed blobs, so each unexpired one is read: a deactivation is
    rare, and this costs one pass over the session table. Returns how many ended."""
    pk = str(user.pk)
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get("_auth_user_id")) == pk
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def _locked(member: Membership) -> Membership:
    """`member` as it stands now, with the organisation's row locked until the transaction
    ends: team changes of one organisation happen one after the other."""
    Organisation.objects.select_for_update().only("pk").get(pk=member.organisation_id)
    return Membership.objects.select_related("user", "organisation").get(pk=member.pk)


def _keep_an_admin(member: Membership, change: str) -> None:
    if not (member.is_admin and member.user.is_active):
        return
    others = (
        Membership.objects.filter(
            organisation_id=member.organisation_id, role=Membership.ADMIN, user__is_active=True
        )
        .exclude(pk=member.pk)
        .exists()
    )
    if not others:
        raise TeamError(
            f"{member.display_name} is the last active organisation admin of "
            f"{member.organisation.name} and cannot {change}: make another member an "
            "organisation admin first."
        )


class InvitationMail(auth_forms.PasswordResetForm):
    """Django's password-reset mail, sent to one new member and worded as an invitation.

    Django's own form skips accounts without a usable password (which a new member has not
    chosen yet) and swallows a failure to send; this one goes to exactly `user` and lets a
    failure through, so the admin is told.
    """

    def __init__(self, user):
        super().__init__({"email": user.email})
        self.user = user

    def get_users(self, email):
        return [self.user]

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):  # fmt: skip
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        EmailMultiAlternatives(subject, body, from_email, [to_email]).send()


def send_invitation(request: HttpRequest, member: Membership) -> None:
    """Mail `member` a link to choose their password (the password-reset link)."""
    mail = InvitationMail(member.user)
    if not mail.is_valid():
        raise TeamError(f"{member.display_name} has no valid e-mail address.")
    mail.save(
        request=request,
        use_https=request.is_secure(),
        subject_template_name="advising/team_invitation_subject.html",
        email_template_name="advising/team_invitation_email.html",
        extra_email_context={
            "organisation": member.organisation,
            "invited_by": request.membership.display_name,
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        },
    )


# --- forms ----------------------------------------------------------------------------------


class MemberForm(AdvisorForm, forms.Form):
    summary_target = "member-form"

    first_name = forms.CharField(label="First name", max_length=NAME_LENGTH)
    last_name = forms.CharField(label="Last name", max_length=NAME_LENGTH)
    email = forms.EmailField(
        label="E-mail",
        max_length=EMAIL_LENGTH,
        help_text="The invitation goes here; it is also their username to log in.",
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Membership.ROLES,
        initial=Membership.ADVISOR,
        widget=forms.RadioSelect,
        help_text="An organisation admin sees every client of the organisation and manages "
        "the team; an advisor sees the clients assigned to them.",
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        for field in self.fields.values():
            field.error_messages.update(MESSAGES)
            if getattr(field, "max_length", None):
                field.error_messages["max_length"] = (
                    f"is too long (at most {field.max_length} characters)"
                )
                # The admin types someone else's details: never offer their own.
                field.widget.attrs["autocomplete"] = "off"
        style_widgets(self)

    def clean_email(self) -> str:
        # Only the admin's own team is checked: an address used outside it gets a new,
        # separate account (add_member), so the answer never tells that it is in use there.
        email = self.cleaned_data["email"].strip()
        if in_team(self.organisation, email):
            raise forms.ValidationError("is already used by a member of your team")
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Membership.ROLES)


class ActiveForm(forms.Form):
    active = forms.TypedChoiceField(
        choices=[("true", "Active"), ("false", "Deactivated")], coerce=lambda v: v == "true"
    )


# --- views ----------------------------------------------------------------------------------


@team_admin_required
def team(request: HttpRequest) -> HttpResponse:
    organisation = request.membership.organisation
    return render(
        request,
        "advising/team.html",
        {
            "organisation": organisation,
            "members": team_of(organisation),
            "me": request.membership,
            "roles": ROLE_NAMES,
            "nav": "advisor",
        },
    )


@team_admin_required
def team_add(request: HttpRequest) -> HttpResponse:
    organisation = request.membership.organisation
    form = MemberForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = add_member(organisation=organisation, **data)
        except IntegrityError:  # the same address added a moment ago, by someone else
            form.add_error(
                "email", form.labelled("email", "was being added at the same moment: try again")
            )
        else:
            _invite(request, member, "added")
            return redirect("advisor_team")
    return render(
        request,
        "advising/team_form.html",
        {"form": form, "errors": form.error_summary() if form.is_bound else [], "nav": "advisor"},
    )


def _change_member(request: HttpRequest, pk: int, form_class, invalid: str, change, said):
    """One team button's change to member `pk`: the form read (`invalid` said when it does
    not validate), `change(member, value)` applied (a refusal said as the service words it),
    and `said(member, value)` as the success message."""
    member = member_for(request, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, invalid)
        return redirect("advisor_team")
    (value,) = form.cleaned_data.values()
    try:
        member = change(member, value)
    except TeamError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, said(member, value))
    return redirect("advisor_team")


@team_admin_required
@button_only(back="advisor_team", message=BUTTONS)
def member_role(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_member(
        request,
        pk,
        RoleForm,
        "Choose the role: advisor or organisation admin.",
        lambda member, role: change_role(member=member, role=role),
        lambda member, role: f"{member.display_name} is now {ROLE_NAMES[role]}.",
    )


@team_admin_required
@button_only(back="advisor_team", message=BUTTONS)
def member_active(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_member(
        request,
        pk,
        ActiveForm,
        "Choose whether the account is active.",
        lambda member, active: set_active(member=member, active=active),
        _activity_said,
    )


def _activity_said(member: Membership, active: bool) -> str:
    name = member.display_name
    if active and not member.user.has_usable_password():
        return (
            f"{name} is active again; they have not chosen a password yet: send them the "
            "invitation again."
        )
    if active:
        return f"{name} is active again and can log in."
    return (
        f"{name} is deactivated and can no longer log in. Their clients stay assigned to "
        "them; reassign them from each client's page."
    )


@team_admin_required
@button_only(back="advisor_team", message=BUTTONS)
def member_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation again, for a member who has not chosen a password yet (the link of the
    first one expires, and the "forgotten password" page ignores accounts without one)."""
    member = member_for(request, pk)
    if not member.user.is_active:
        messages.error(request, f"{member.display_name} is deactivated: reactivate them first.")
    elif member.user.has_usable_password():
        messages.error(
            request,
            f"{member.display_name} has already chosen a password; if they have forgotten it, "
            "“Forgotten your password?” on the log-in page sends them a new link.",
        )
    elif not _resend_allowed(member):
        messages.error(
            request,
            f"An invitation was sent to {member.display_name} less than {RESEND_MINUTES} "
            "minutes ago. Ask them to look in their mailbox (and its spam folder); you can "
            f"send it again {RESEND_MINUTES} minutes after the last one.",
        )
    elif not _invite(request, member, "invited"):
        _resend_key_free(member)  # not sent: the next press may try again at once
    return redirect("advisor_team")


def _resend_key(member: Membership) -> str:
    return f"team-invite-again:{member.pk}"


def _resend_allowed(member: Membership) -> bool:
    """True at most once per RESEND_MINUTES for a member: an atomic add in the shared cache
    (the rate limits' counters), so every web process sees it."""
    cache = caches[settings.RATELIMIT_USE_CACHE]
    return cache.add(_resend_key(member), 1, RESEND_MINUTES * 60)


def _resend_key_free(member: Membership) -> None:
    caches[settings.RATELIMIT_USE_CACHE].delete(_resend_key(member))


def _invite(request: HttpRequest, member: Membership, done: str) -> bool:
    """Send the invitation and say how it went; True when it was sent."""
    name, email = member.display_name, member.user.email
    try:
        send_invitation(request, member)
    except (OSError, TeamError):  # smtplib's errors are OSErrors
        messages.error(
            request,
            f"{name} is {done}, but the invitation e-mail to {email} could not be sent. "
            "Try “Send the invitation again” in a moment.",
        )
        return False
    messages.success(
        request,
        f"Invitation e-mail sent to {name} at {email}: its link lets them choose a password.",
    )
    return True
