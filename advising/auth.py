"""Advisors' accounts: log in and out, change and reset a password.

Django's own views, with forms that render like the rest of the site (labels, errors tied to
their fields, a summary at the top) and a limit on guessing.
"""

import logging

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.urls import path
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from eligibility.forms import CrispyMixin, ErrorSummaryMixin, style_widgets

from .views import button_only

logger = logging.getLogger(__name__)
LOGIN_RATE = "10/m"  # per address: enough for typos, too few for guessing


class SiteFormMixin(CrispyMixin, ErrorSummaryMixin):
    summary_target = "account-form"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def summary_message(self, name: str, error) -> str:
        # Django's own messages ("This field is required.") do not name the field.
        return f"{self.fields[name].label}: {error}"


class LoginForm(SiteFormMixin, auth_forms.AuthenticationForm):
    pass


class PasswordResetForm(SiteFormMixin, auth_forms.PasswordResetForm):
    """Django's reset form, answering a known and an unknown address alike.

    Django's own form renders and sends a mail only for a known address, so the page came back
    in 56 ms for one and 8 ms for the other: anyone could tell which addresses have accounts.
    Here an unknown address goes through the same steps (a link made for a stand-in account,
    the same templates rendered) and its mail is dropped; the real mails are sent only after
    the response has gone out (`PasswordResetView`), so the wait for the mail server is not
    seen either.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outgoing: list[EmailMultiAlternatives] = []

    def get_users(self, email):
        users = list(super().get_users(email))
        if users:
            return users
        # Never saved, so its pk is None: send_mail drops its message.
        stand_in = get_user_model()(username=email, email=email)
        stand_in.set_unusable_password()
        return [stand_in]

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):  # fmt: skip
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            message.attach_alternative(
                loader.render_to_string(html_email_template_name, context), "text/html"
            )
        if context["user"].pk is not None:
            self.outgoing.append(message)


class SetPasswordForm(SiteFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(SiteFormMixin, auth_forms.PasswordChangeForm):
    pass


def guess_limit(group: str, key: str = "ip"):
    """A view decorator: at most LOGIN_RATE POSTs a minute per `key` ("ip" or "user") in
    `group`, then the 429 page until the minute is over, even for the right password.

    Each limit names its group: django-ratelimit's default group, the view's method
    (ProcessFormView.post), would make every form view share one count by accident."""
    return ratelimit(group=group, key=key, rate=LOGIN_RATE, method="POST", block=True)


# Both log-in forms, the site's and the admin's, share one count per address: the admin's
# must not double the guesses at an account.
login_limit = guess_limit("accounts.login")


@method_decorator(login_limit, name="post")
class LoginView(auth_views.LoginView):
    authentication_form = LoginForm
    redirect_authenticated_user = True


def send_quietly(outgoing: list[EmailMultiAlternatives]) -> None:
    """Send the reset mails; a failure is logged (as Django's own form does), never shown."""
    for message in outgoing:
        try:
            message.send()
        except Exception:
            logger.exception("Failed to send a password reset e-mail")  # no address: no PII


@method_decorator(guess_limit("accounts.password_reset"), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    """The reset page; its mails leave once the response is complete.

    Django closes a response after the server has written it (the test client does the
    same), and calls its closers then: the sending happens there, in the same process and
    without a thread, after the browser has the whole answer (Content-Length is set by
    CommonMiddleware).
    """

    form_class = PasswordResetForm

    def form_valid(self, form):
        response = super().form_valid(form)
        outgoing = form.outgoing
        # Django has no public hook for "after the response": its closers list is it.
        response._resource_closers.append(lambda: send_quietly(outgoing))
        return response


# Guesses at the old password: per person (the account, whichever address) and per address
# (one address across many stolen sessions).
@method_decorator(guess_limit("accounts.password_change.user", key="user"), name="post")
@method_decorator(guess_limit("accounts.password_change.ip"), name="post")
class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm


urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    # Logging out is a button (a GET must not log anyone out); its address opened by hand
    # goes to the dashboard, which says where the button is, instead of a bare 405.
    path("logout/", button_only(back="advisor_dashboard", message="To log out, press "
         "“Log out” at the top of the page.")(auth_views.LogoutView.as_view()), name="logout"),
    path("password_change/", PasswordChangeView.as_view(), name="password_change"),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        form_class=SetPasswordForm), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
]  # fmt: skip
