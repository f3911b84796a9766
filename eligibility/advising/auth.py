"""Advisors' accounts: log in and out, change and reset a password.

Django's own views, with forms that render like the rest of the site (labels, errors tied to
their fields, a summary at the top) and a limit on guessing.
"""

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit

from ..forms import RENDERER, ErrorSummaryMixin, style_widgets
from .views import button_only

LOGIN_RATE = "10/m"  # per address: enough for typos, too few for guessing


class SiteFormMixin(ErrorSummaryMixin):
    default_renderer = RENDERER
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
    pass


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


@method_decorator(guess_limit("accounts.password_reset"), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm


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
