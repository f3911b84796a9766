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


limited = method_decorator(ratelimit(key="ip", rate=LOGIN_RATE, method="POST", block=True),
                           name="post")  # fmt: skip


@limited
class LoginView(auth_views.LoginView):
    authentication_form = LoginForm
    redirect_authenticated_user = True


@limited
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm


urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    # Logging out is a button (a GET must not log anyone out); its address opened by hand
    # goes to the dashboard, which says where the button is, instead of a bare 405.
    path("logout/", button_only(back="advisor_dashboard", message="To log out, press "
         "“Log out” at the top of the page.")(auth_views.LogoutView.as_view()), name="logout"),
    path("password_change/", auth_views.PasswordChangeView.as_view(
        form_class=PasswordChangeForm), name="password_change"),
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
