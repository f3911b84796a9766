from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from advising.auth import login_limit
from careerpath.views import robots_txt


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for on pages that name no icon (a JSON answer, a
    file): the site's SVG icon. Resolved per request, because the static file's hashed
    name is known only after collectstatic."""
    return redirect(static("favicon.svg"))


admin.site.site_header = "careerpath catalog"
admin.site.site_title = "careerpath"

urlpatterns = [
    path("", include("eligibility.urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("accounts/", include("advising.auth")),
    path("", include("advising.urls")),
    # The admin's log-in, with the same limit on guessing as the site's (and the same count);
    # matched before admin.site.urls, so reverse("admin:login") still names this address.
    path("admin/login/", login_limit(admin.site.login)),
    path("admin/", admin.site.urls),
]
